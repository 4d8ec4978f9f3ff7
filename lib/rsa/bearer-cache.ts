import "server-only";

export interface IssuedBearer {
  token: string;
  expiresAtMs: number;
}

/** Where a cache keeps its bearer; several caches may share one (the process's client, bundled twice by Next.js). */
export interface BearerSlot {
  current: IssuedBearer | null;
}

/**
 * Holds the bearer token between calls: one signature (or one OAuth token
 * request) serves every call until shortly before it expires. Concurrent
 * callers share one renewal.
 */
export class BearerCache {
  private pending: Promise<IssuedBearer> | null = null;
  private issuedCount = 0;

  constructor(
    private readonly issue: () => Promise<IssuedBearer>,
    private readonly now: () => number,
    /** Renew this long before expiry, so a token never expires in flight. */
    private readonly renewBeforeMs = 60_000,
    private readonly slot: BearerSlot = { current: null },
  ) {}

  async get(): Promise<string> {
    const current = this.slot.current;
    if (current && this.now() < current.expiresAtMs - this.renewBeforeMs) return current.token;
    this.pending ??= this.issue()
      .then((bearer) => {
        this.issuedCount++;
        this.slot.current = bearer;
        return bearer;
      })
      .finally(() => {
        this.pending = null;
      });
    return (await this.pending).token;
  }

  /** RSA said this token is bad: forget it (unless a newer one already replaced it). */
  invalidate(token: string): void {
    if (this.slot.current?.token === token) this.slot.current = null;
  }

  /** How many bearer tokens were signed or fetched so far (for diagnostics and tests). */
  get issued(): number {
    return this.issuedCount;
  }
}
