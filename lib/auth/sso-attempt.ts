import "server-only";
import type { AuditActor, AuditRequest } from "@/lib/audit/events";
import type { OidcMetadata } from "@/lib/auth/sso-discovery";
import type { SsoFailure } from "@/lib/auth/sso-failures";

/**
 * One request to the single sign-on endpoints, shared by the route handler
 * and the next-auth hooks it runs: where the request came from (for the
 * audit), the provider's checked metadata, and the first thing that went
 * wrong — the root cause, not next-auth's generic wrapping of it.
 */
export class SsoAttempt {
  failure: SsoFailure | null = null;
  /** Who was refused, once the claims said so; anonymous otherwise. */
  actor: AuditActor | null = null;

  constructor(
    readonly request: AuditRequest,
    readonly metadata: OidcMetadata | null,
  ) {}

  fail(failure: SsoFailure, actor?: AuditActor): void {
    if (this.failure) return;
    this.failure = failure;
    this.actor = actor ?? null;
  }
}
