/**
 * What an agent types when a call starts with a person: an e-mail (as typed,
 * or pasted from a mail client: `"Jane Doe" <Jane.Doe@Example.com>`), a part
 * of one, or a name. Browser-safe: the search box reads it the same way.
 */
export type PersonQuery =
  | { kind: "email"; email: string }
  /** Searched as a literal part of e-mail addresses (RSA's user search v2). */
  | { kind: "partial"; emailLike: string; typed: string };

// The same rule as zod's z.email(), which the RSA client checks before sending (lib/rsa/input.ts): what
// the box calls an e-mail is always sent. "jane@example.c0" or "a/b@example.com" is searched as a part.
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export function parsePersonQuery(input: string): PersonQuery | { kind: "invalid"; message: string } {
  let text = input.trim();
  // A display name with the address in angle brackets: keep only the address.
  const bracketed = /<([^<>]+)>/.exec(text);
  if (bracketed) text = bracketed[1]!;
  text = text.replace(/^mailto:/i, "").replace(/^["']+|["']+$/g, "");
  if (text.includes("@")) {
    const email = text.replace(/\s+/g, "").toLowerCase();
    if (EMAIL.test(email)) return { kind: "email", email };
    // "jane.doe@exam" — a part of an address: search with it.
    if (email.length >= 3) return { kind: "partial", emailLike: email, typed: input.trim() };
    return { kind: "invalid", message: "That does not look like an e-mail address. Check it with the caller." };
  }
  // A name: "Jane Doe" is searched as "jane.doe", the usual shape of a company address.
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}._'-]/gu, ""))
    .filter(Boolean);
  const emailLike = words.join(".");
  if (emailLike.length < 2)
    return { kind: "invalid", message: "Type at least two letters of the caller's name or e-mail." };
  if (emailLike.length > 100) return { kind: "invalid", message: "That is too long for a name or an e-mail address." };
  return { kind: "partial", emailLike, typed: input.trim() };
}
