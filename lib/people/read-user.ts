import "server-only";
import { getRsaClient } from "@/lib/rsa/client";
import type { RsaUser } from "@/lib/rsa/user-types";

/**
 * What tokendesk acts on when it changes something about a user rather than a
 * token (emergency access): read fresh from RSA by e-mail — RSA has no call
 * that reads a user by id — and checked to still be the same user.
 */
export interface UserAccessState {
  userId: string;
  emergencyAccessStatus: string | null;
  emergencyExpiresAt: string | null;
}

export async function readUserAccessState(email: string): Promise<UserAccessState> {
  const user: RsaUser = await getRsaClient().lookupUserByEmail(email);
  return {
    userId: user.id,
    emergencyAccessStatus: user.emergencyAccessStatus,
    emergencyExpiresAt: user.emergencyTokencodeExpiration,
  };
}
