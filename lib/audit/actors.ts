import type { AuditActor } from "@/lib/audit/events";

/** The audit's snapshot of a signed-in person (kept on every row, so later renames do not rewrite history). */
export function userActor(user: { id: string; email: string; displayName: string; role: string }): AuditActor & {
  kind: "user";
} {
  return { kind: "user", id: user.id, email: user.email, name: user.displayName, role: user.role };
}
