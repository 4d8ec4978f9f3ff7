import { randomBytes } from "node:crypto";

/**
 * OAuth access tokens the simulator issued: opaque random strings remembered
 * with their client, scopes and expiry. Kept apart from the tenant model so
 * `reset()` (back to the seed) does not log clients out.
 */

export interface IssuedToken {
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
}

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

export class AccessTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(clientId: string, scopes: readonly string[]): string {
    this.prune();
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, {
      clientId,
      scopes: new Set(scopes),
      expiresAt: this.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
    });
    return token;
  }

  /** The token's grant while it is valid; undefined when unknown or expired. */
  lookup(token: string): IssuedToken | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  private prune(): void {
    const now = this.now();
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}
