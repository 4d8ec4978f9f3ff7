import "server-only";
import { db } from "@/lib/db";
import type { RsaUser } from "@/lib/rsa/user-types";

/**
 * The local directory of RSA users tokendesk has seen. RSA has no call that
 * reads a user by id, yet a token names its owner only by id: whenever anyone
 * looks a user up or searches, their name and e-mail are kept (refreshed on
 * every sighting) so a token card can say "Jane Doe · jane.doe@…".
 */

export interface KnownOwner {
  rsaUserId: string;
  name: string | null;
  email: string | null;
  /** When tokendesk last saw this user in an answer from RSA. */
  seenAt: string;
}

export async function rememberUsers(users: readonly RsaUser[]): Promise<void> {
  if (users.length === 0) return;
  const now = new Date();
  await db().$transaction(
    users.map((user) =>
      db().rsaUserDirectoryEntry.upsert({
        where: { rsaUserId: user.id },
        create: {
          rsaUserId: user.id,
          email: user.emailAddress,
          firstName: user.firstName,
          lastName: user.lastName,
          seenAt: now,
        },
        update: { email: user.emailAddress, firstName: user.firstName, lastName: user.lastName, seenAt: now },
      }),
    ),
  );
}

export function displayName(user: { firstName: string | null; lastName: string | null; emailAddress?: string | null }) {
  const name = [user.firstName, user.lastName].filter((part) => part && part.trim()).join(" ");
  return name || null;
}

export async function knownOwners(rsaUserIds: readonly string[]): Promise<Map<string, KnownOwner>> {
  const ids = [...new Set(rsaUserIds.filter(Boolean))];
  if (ids.length === 0) return new Map();
  const rows = await db().rsaUserDirectoryEntry.findMany({ where: { rsaUserId: { in: ids } } });
  return new Map(
    rows.map((row) => [
      row.rsaUserId,
      { rsaUserId: row.rsaUserId, name: displayName(row), email: row.email, seenAt: row.seenAt.toISOString() },
    ]),
  );
}

export async function knownOwner(rsaUserId: string | null): Promise<KnownOwner | null> {
  if (!rsaUserId) return null;
  return (await knownOwners([rsaUserId])).get(rsaUserId) ?? null;
}
