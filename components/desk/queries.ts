"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action-result";
import type { LookupResult } from "@/lib/tokens/lookup-token";
import type { HistoryEntry } from "@/lib/audit/serial-history";
import type { PeopleFound } from "@/lib/people/find-people";
import type { UserCard } from "@/lib/people/user-card";
import { SessionEndedError } from "@/components/desk/steady-answer";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  // The session is gone: say so where the answer would be, and leave the page (and any open dialog) alone.
  if (response.status === 401) throw new SessionEndedError();
  return (await response.json()) as T;
}

export const tokenQueryKey = (serial: string) => ["token", serial] as const;
export const historyQueryKey = (serial: string) => ["history", serial] as const;

/** The token as RSA has it; keyed by serial so another serial's data never shows. */
export function useTokenLookup(serial: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: tokenQueryKey(serial ?? ""),
    queryFn: async () => {
      const result = await getJson<ActionResult<LookupResult>>(`/api/tokens/${encodeURIComponent(serial!)}`);
      // Each answer says something about RSA's health: the outage banner should not wait for its next poll.
      void queryClient.invalidateQueries({ queryKey: ["rsa-status"] });
      return result;
    },
    enabled: serial !== null,
  });
}

/**
 * Fetched after each lookup answer (`lookupAt` = its time), so the history
 * includes the lookup just recorded rather than racing it.
 */
export function useSerialHistory(serial: string, lookupAt: number) {
  return useQuery({
    queryKey: [...historyQueryKey(serial), lookupAt],
    queryFn: () => getJson<ActionResult<HistoryEntry[]>>(`/api/tokens/${encodeURIComponent(serial)}/history`),
    enabled: lookupAt > 0,
    // Keep showing this serial's history while it refreshes — never another serial's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === serial ? previous : undefined),
  });
}

export const userQueryKey = (email: string) => ["user", email] as const;
export const peopleQueryKey = (q: string) => ["people", q] as const;

export type UserCardAnswer = UserCard | { found: false; email: string };

/** A caller found by e-mail, with every authenticator they hold (RSA calls 11 and 12). */
export function useUserCard(email: string | null) {
  return useQuery({
    queryKey: userQueryKey(email ?? ""),
    queryFn: () => getJson<ActionResult<UserCardAnswer>>(`/api/users/${encodeURIComponent(email!)}`),
    enabled: email !== null,
  });
}

/** The people whose e-mail contains the search (RSA's user search v2). */
export function usePeopleSearch(q: string | null) {
  return useQuery({
    queryKey: peopleQueryKey(q ?? ""),
    queryFn: () => getJson<ActionResult<PeopleFound>>(`/api/people?q=${encodeURIComponent(q!)}`),
    enabled: q !== null && q.length > 0,
  });
}
