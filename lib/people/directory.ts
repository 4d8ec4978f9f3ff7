import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
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
  // The plain pool, not Prisma: every lookup asks this (a third of Prisma's CPU per query; README: Performance).
  const { rows } = await pgPool().query<{
    rsa_user_id: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    seen_at: Date;
  }>("SELECT rsa_user_id, email, first_name, last_name, seen_at FROM rsa_user_directory WHERE rsa_user_id = ANY($1)", [
    ids,
  ]);
  return new Map(
    rows.map((row) => [
      row.rsa_user_id,
      {
        rsaUserId: row.rsa_user_id,
        name: displayName({ firstName: row.first_name, lastName: row.last_name }),
        email: row.email,
        seenAt: row.seen_at.toISOString(),
      },
    ]),
  );
}

export async function knownOwner(rsaUserId: string | null): Promise<KnownOwner | null> {
  if (!rsaUserId) return null;
  return (await knownOwners([rsaUserId])).get(rsaUserId) ?? null;
}
