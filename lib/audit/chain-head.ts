import type pg from "pg";

/**
 * The last row of the chain. Ordered by the number itself: sorting the text
 * form ("99" after "425") once made checkpoints name the wrong head, so a cut
 * tail verified as intact against them.
 */
export async function readChainHead(client: pg.ClientBase): Promise<{ seq: string; hash: string } | null> {
  const result = await client.query<{ seq: string; hash: string }>(
    "SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1",
  );
  return result.rows[0] ?? null;
}
