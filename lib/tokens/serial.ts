/**
 * Turns what an agent pastes or hears into a serial: spaces, dashes and
 * surrounding text go, digits stay a string (leading zeros matter).
 * Safe for the browser: the search box validates with the same rules.
 */

export type SerialKind = "sid700" | "ds100" | "either";

export type ParsedSerial = { ok: true; serial: string; kind: SerialKind } | { ok: false; message: string };

export const SID700_LENGTH = 12;
export const DS100_DEVICE_LENGTH = 9;
const MIN_LENGTH = 6;
const MAX_LENGTH = 36; // the vendor's limit on serial fields

/** A serial as tokendesk passes it around once parsed: digits only, leading zeros kept. */
export const SERIAL_PATTERN = new RegExp(`^\\d{${MIN_LENGTH},${MAX_LENGTH}}$`);

export function parseSerialQuery(input: string): ParsedSerial {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Type or paste a serial number." };
  // The first run of digits, allowing the spaces and dashes people read them with.
  const match = text.match(/\d(?:[\d\s\-–]*\d)?/);
  if (!match) return { ok: false, message: "A serial number is made of digits, e.g. 000000200002." };
  const serial = match[0].replace(/[^\d]/g, "");
  const rest = text.slice((match.index ?? 0) + match[0].length);
  if (/\d/.test(rest))
    return { ok: false, message: "That looks like more than one number. Search one serial at a time." };
  if (serial.length < MIN_LENGTH) return { ok: false, message: `${serial} is too short for a serial number.` };
  if (serial.length > MAX_LENGTH) return { ok: false, message: "That number is too long for a serial number." };
  const kind: SerialKind =
    serial.length === SID700_LENGTH ? "sid700" : serial.length === DS100_DEVICE_LENGTH ? "ds100" : "either";
  return { ok: true, serial, kind };
}

/** Grouped for reading aloud: `0000 0020 0002` (fours), a 9-digit DS100 device as `140 100 080` (threes). */
export function groupSerial(serial: string): string {
  if (serial.length === DS100_DEVICE_LENGTH) return serial.replace(/(\d{3})(?=\d)/g, "$1 ");
  return serial.replace(/(\d{4})(?=\d)/g, "$1 ");
}
