/**
 * The OAuth scopes of REFERENCE.md ("OAuth scopes by call"). The simulator's
 * two clients are allowed all of them; a legacy key (Super or Help Desk
 * Administrator role) may do everything these calls need except live
 * verification, which is OAuth only [vendor]. Call 16 has no scope of its own
 * in the reference, so it asks for rsa.user.read (routes-users.ts).
 */
export const SCOPES = {
  sidRead: "rsa.authenticator.sidtoken.read",
  sidManage: "rsa.authenticator.sidtoken.manage",
  ds100Read: "rsa.authenticator.ds100.read",
  ds100Manage: "rsa.authenticator.ds100.manage",
  userRead: "rsa.user.read",
  mobileRead: "rsa.authenticator.mobile.read",
  emergencyManage: "rsa.authenticator.emergency.manage",
} as const;

export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);
