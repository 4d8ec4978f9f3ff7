import { parsePersonQuery } from "@/lib/people/person-query";
import { parseSerialQuery } from "@/lib/tokens/serial";

/** What the desk's address names: a token, a caller, a search for people, or nothing yet. */
export type DeskTarget =
  | { kind: "none" }
  | { kind: "token"; serial: string }
  | { kind: "user"; email: string }
  | { kind: "people"; q: string };

export function targetFromAddress(pathname: string, params: URLSearchParams): DeskTarget {
  const token = /^\/tokens\/([^/]+)$/.exec(pathname);
  if (token) {
    const serial = parseSerialQuery(safeDecode(token[1]!));
    return serial.ok ? { kind: "token", serial: serial.serial } : { kind: "none" };
  }
  const user = /^\/users\/([^/]+)$/.exec(pathname);
  if (user) {
    const person = parsePersonQuery(safeDecode(user[1]!));
    return person.kind === "email" ? { kind: "user", email: person.email } : { kind: "none" };
  }
  if (pathname === "/people") {
    const q = params.get("q")?.trim() ?? "";
    return q ? { kind: "people", q } : { kind: "none" };
  }
  return { kind: "none" };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** What a search for a serial or an e-mail shows. */
export function targetOf(
  query: { kind: "serial"; serial: string } | { kind: "email"; email: string },
): Extract<DeskTarget, { kind: "token" | "user" }> {
  return query.kind === "serial" ? { kind: "token", serial: query.serial } : { kind: "user", email: query.email };
}

/** Identifies what is on screen (a ticket belongs to one of these). */
export function targetKey(target: DeskTarget): string {
  switch (target.kind) {
    case "none":
      return "none";
    case "token":
      return `token:${target.serial}`;
    case "user":
      return `user:${target.email}`;
    case "people":
      return `people:${target.q}`;
  }
}

/** What the search box shows for it. */
export function targetText(target: DeskTarget): string {
  switch (target.kind) {
    case "none":
      return "";
    case "token":
      return target.serial;
    case "user":
      return target.email;
    case "people":
      return target.q;
  }
}
