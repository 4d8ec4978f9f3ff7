/**
 * What an agent typed in a dialog when their session ended: kept in this tab
 * only (sessionStorage) so it is back after signing in again. Only ticket,
 * reason, note and the change's own fields go in — never a secret (an
 * emergency access code is shown, never typed, and never stored).
 */
const PREFIX = "tokendesk:draft:";
const KEPT = [
  "ticket",
  "reason",
  "note",
  "confirmDigits",
  "newName",
  "serial",
  "tokenName",
  "expiryValue",
  "expiryUnit",
];

const storageKey = (resumeKey: string) => `${PREFIX}${window.location.pathname}:${resumeKey}`;

export function saveDraft(resumeKey: string, values: Record<string, string>): void {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => KEPT.includes(key)));
  try {
    window.sessionStorage.setItem(storageKey(resumeKey), JSON.stringify(kept));
  } catch {
    // storage full or off: the agent types it again
  }
}

/**
 * The draft for this dialog on this page. Reading has no side effect (React
 * may render a component more than once before it shows it); forgetDraft
 * removes it once the dialog is back on screen, since it is used once.
 */
export function readDraft(resumeKey: string): Record<string, string> | null {
  try {
    const text = window.sessionStorage.getItem(storageKey(resumeKey));
    return text ? (JSON.parse(text) as Record<string, string>) : null;
  } catch {
    return null;
  }
}

export function forgetDraft(resumeKey: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(resumeKey));
  } catch {
    // storage off: nothing was kept
  }
}

/** The sign-in page, coming back to this page with the dialog open again. */
export function signInToResume(resumeKey: string): string {
  const back = `${window.location.pathname}?resume=${encodeURIComponent(resumeKey)}`;
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}
