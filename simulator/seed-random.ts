/**
 * The seed's deterministic randomness and its clock anchors, shared by every
 * seed file. Each part of the seed that was added later draws from its own
 * stream (its own seed number), so adding to the story never shifts the
 * records an older part produced.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Who assigned and changed the seeded tokens. */
export const SEED_ADMIN = "helpdesk.admin@example.com";

/** Past instants the population's history is drawn from (fixed, so never in the future). */
export const HISTORY_START = Date.UTC(2021, 0, 4);
export const HISTORY_END = Date.UTC(2025, 5, 30);

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** mulberry32: tiny, fast and good enough for test data; same seed, same sequence. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(count: number): string {
    let s = "";
    for (let i = 0; i < count; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
  /** A version-4-shaped UUID made from the PRNG (crypto.randomUUID would not be reproducible). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(this.next() * 4)]!;
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
