import "server-only";
import { knownOwners } from "@/lib/people/directory";
import type { OwnerNames } from "@/lib/audit/history-words";

/**
 * Names for the owners on one page of the history: RSA names a token's owner
 * only by id, and tokendesk keeps a directory of the users it has seen. One
 * primary-key lookup for the page's ids (at most 50), never a join over the trail.
 */
export async function historyOwners(rows: readonly { rsaUserId: string | null }[]): Promise<OwnerNames> {
  const ids = rows.map((row) => row.rsaUserId).filter((id): id is string => id !== null);
  const known = await knownOwners(ids);
  return new Map([...known].map(([id, owner]) => [id, { name: owner.name, email: owner.email }]));
}
