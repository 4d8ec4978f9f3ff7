import { parsePersonQuery, type PersonQuery } from "@/lib/people/person-query";
import { parseSerialQuery, type SerialKind } from "@/lib/tokens/serial";

/**
 * The desk's one search box takes what the caller gives: a serial read aloud
 * (12 digits: a SID700 token; 9: a DS100 device), an e-mail address, a part of
 * one, or a name. Browser-safe.
 */
export type DeskQuery = { kind: "serial"; serial: string; serialKind: SerialKind } | PersonQuery;

export function parseDeskQuery(input: string): DeskQuery | { kind: "invalid"; message: string } {
  const text = input.trim();
  if (text === "") return { kind: "invalid", message: "Type a serial number, an e-mail address or a name." };
  if (!text.includes("@")) {
    // Digits with the spaces and dashes people read them with ("0000 0020 0002", "Serial: 000000200002.").
    const serial = parseSerialQuery(text);
    if (serial.ok) return { kind: "serial", serial: serial.serial, serialKind: serial.kind };
    // No letters, or a long run of digits (no name has one): it was meant as a serial.
    if (!/\p{L}/u.test(text) || /\d{6}/.test(text)) return { kind: "invalid", message: serial.message };
  }
  return parsePersonQuery(text);
}

/** Where the desk shows a query's answer (the URL is the desk's state: Back and Forward follow it). */
export function deskPathFor(query: DeskQuery): string {
  switch (query.kind) {
    case "serial":
      return `/tokens/${query.serial}`;
    case "email":
      return `/users/${encodeURIComponent(query.email)}`;
    case "partial":
      return `/people?q=${encodeURIComponent(query.emailLike)}`;
  }
}
