import type { Oddity } from "./faults";

/**
 * The `odd-answer` fault's alterations of a real 200 answer: what a tenant
 * may send one day that no vendor page shows (REFERENCE.md, "Things that
 * trip" 5). A client must keep working: ignore unknown fields, refuse to act
 * on a status or state it does not know, and show the good records of an
 * answer while hiding only the odd one.
 *
 * The records of an answer are: each element of an array (calls 2, 8, 9,
 * 13), each item of call 12's three arrays, or the answer object itself.
 *
 * - extra-fields: fields no page documents (a nested object among them) on every record,
 *   and on call 12's answer object itself;
 * - unknown-status: tokenStatus (userStatus on a user record) becomes "Suspended";
 * - unknown-state: tokenState becomes "Lost";
 * - empty-user-id: userId (a user record's id) becomes "";
 * - one-bad-credential: only the LAST record loses its key (tokenSerialNumber,
 *   or a user's emailAddress, or a phone's or FIDO key's id); the others stay good.
 */

export const UNKNOWN_STATUS = "Suspended";
export const UNKNOWN_STATE = "Lost";

type Rec = Record<string, unknown>;

const isRecord = (value: unknown): value is Rec => value !== null && typeof value === "object" && !Array.isArray(value);

/** A user record (calls 11, 13) has an emailAddress and no token serial. */
const isUser = (r: Rec) => "emailAddress" in r && !("tokenSerialNumber" in r);

/** The records of an answer, in answer order (the same objects, to alter in place). */
function recordsOf(body: unknown): Rec[] {
  if (Array.isArray(body)) return body.filter(isRecord);
  if (!isRecord(body)) return [];
  const lists = ["devices", "fidoTokens", "sidTokens"].filter((k) => Array.isArray(body[k]));
  if (lists.length > 0) return lists.flatMap((k) => (body[k] as unknown[]).filter(isRecord));
  return [body];
}

const EXTRA_FIELDS = {
  riskScore: 12,
  syncSource: "AD-CONNECTOR-02",
  attributes: { costCenter: "4711", building: "HQ-3" },
};

function alter(record: Rec, oddity: Exclude<Oddity, "one-bad-credential">): void {
  switch (oddity) {
    case "extra-fields":
      Object.assign(record, structuredClone(EXTRA_FIELDS));
      return;
    case "unknown-status":
      if ("tokenStatus" in record) record.tokenStatus = UNKNOWN_STATUS;
      else if ("userStatus" in record) record.userStatus = UNKNOWN_STATUS;
      return;
    case "unknown-state":
      if ("tokenState" in record) record.tokenState = UNKNOWN_STATE;
      return;
    case "empty-user-id":
      if ("userId" in record) record.userId = "";
      else if (isUser(record)) record.id = "";
      return;
  }
}

function breakKey(record: Rec): void {
  if ("tokenSerialNumber" in record) delete record.tokenSerialNumber;
  else if (isUser(record)) delete record.emailAddress;
  else delete record.id;
}

/** A copy of `body` with the oddities applied (bodies that hold no record come back unchanged). */
export function oddAnswer(body: unknown, oddities: readonly Oddity[]): unknown {
  const copy = structuredClone(body);
  const records = recordsOf(copy);
  if (oddities.includes("extra-fields") && isRecord(copy) && !records.includes(copy))
    Object.assign(copy, structuredClone(EXTRA_FIELDS));
  for (const oddity of oddities) {
    if (oddity === "one-bad-credential") {
      const last = records.at(-1);
      if (last) breakKey(last);
    } else for (const record of records) alter(record, oddity);
  }
  return copy;
}
