/**
 * Text from a person or a URL, cleaned before it goes anywhere near the
 * database: PostgreSQL refuses a NUL character outright, and other control
 * characters have no business in a ticket or a note. Browser-safe.
 */

// C0 controls except tab and newline, DEL, C1 controls, and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

export function hasControlCharacters(text: string, allowNewlines = false): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) || (!allowNewlines && /[\n\t]/.test(text));
}
