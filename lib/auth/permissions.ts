/**
 * The one permissions table. Every page, route handler and server action asks
 * `can()` (through requirePermission) — never compares roles itself.
 * Safe to import from client components: it holds no secrets.
 */

export const ROLES = ["AGENT", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  AGENT: "Agent",
  SUPERVISOR: "Supervisor",
  ADMIN: "Administrator",
};

export const PERMISSIONS = {
  /** Look tokens up at the desk. */
  "token:read": ["AGENT", "SUPERVISOR", "ADMIN"],
  /** Enable, disable or unassign a token. */
  "token:change": ["AGENT", "SUPERVISOR", "ADMIN"],
  /** Read and export the audit history. */
  "audit:read": ["SUPERVISOR", "ADMIN"],
  /** See and manage tokendesk's own users and settings. */
  "admin:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function parseRole(input: string): Role | null {
  const upper = input.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : null;
}
