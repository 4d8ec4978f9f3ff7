/**
 * The OAuth scopes tokendesk needs (REFERENCE.md, "OAuth 2.0 client"). The
 * simulator's two clients are allowed all of them; a legacy key (Super or Help
 * Desk Administrator role) may do everything these calls need.
 */
export const SCOPES = {
  sidRead: "rsa.authenticator.sidtoken.read",
  sidManage: "rsa.authenticator.sidtoken.manage",
  ds100Read: "rsa.authenticator.ds100.read",
  ds100Manage: "rsa.authenticator.ds100.manage",
  userRead: "rsa.user.read",
} as const;

export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);
