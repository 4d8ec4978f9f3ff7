"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { LookupResult } from "@/lib/tokens/lookup-token";
import { parseSerialQuery, groupSerial } from "@/lib/tokens/serial";
import { SearchBox } from "@/components/desk/search-box";
import { RecentSearches } from "@/components/desk/recent-searches";
import { LookupPanel } from "@/components/desk/lookup-panel";
import { useTokenLookup } from "@/components/desk/use-token-lookup";

interface DeskProps {
  initialSerial: string | null;
  initialQuery?: string;
  initialTicket: string;
  recent: string[];
  canChange: boolean;
}

/** The agent's screen: search first, the token and its history beside it. */
export function Desk({ initialSerial, initialQuery, initialTicket, recent, canChange }: DeskProps) {
  const [query, setQuery] = useState(initialQuery ?? initialSerial ?? "");
  const [serial, setSerial] = useState<string | null>(initialSerial);
  const [inputError, setInputError] = useState<string | null>(
    initialQuery && !initialSerial ? ((parseSerialQuery(initialQuery) as { message?: string }).message ?? null) : null,
  );
  const [ticket, setTicket] = useState(initialTicket);
  // Set by a change; a new search clears it so the lookup's own sentence is read.
  const [changeAnnouncement, setChangeAnnouncement] = useState<string | null>(null);
  const [recentSerials, setRecentSerials] = useState(recent);
  const searchRef = useRef<HTMLInputElement>(null);
  const lookup = useTokenLookup(serial);

  const search = useCallback(
    (text: string) => {
      const parsed = parseSerialQuery(text);
      if (!parsed.ok) {
        setInputError(parsed.message);
        return;
      }
      setInputError(null);
      setChangeAnnouncement(null);
      setQuery(parsed.serial);
      setSerial(parsed.serial);
      setRecentSerials((list) => [parsed.serial, ...list.filter((s) => s !== parsed.serial)].slice(0, 8));
      const params = ticket ? `?ticket=${encodeURIComponent(ticket)}` : "";
      window.history.pushState(null, "", `/tokens/${parsed.serial}${params}`);
      if (parsed.serial === serial) void lookup.refetch();
    },
    [serial, ticket, lookup],
  );

  // "/" returns to the search box from anywhere but a text field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Said out loud for screen readers (the live region below).
  const announcement = changeAnnouncement ?? lookupAnnouncement(serial, lookup.data);

  return (
    <div className="grid gap-6">
      <section aria-label="Search">
        <SearchBox ref={searchRef} value={query} onChange={setQuery} onSubmit={search} error={inputError} />
        <RecentSearches serials={recentSerials.filter((s) => s !== serial)} onPick={search} />
      </section>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {serial && (
        <LookupPanel
          serial={serial}
          lookup={lookup}
          canChange={canChange}
          ticket={ticket}
          onTicketUsed={setTicket}
          onAnnounce={setChangeAnnouncement}
        />
      )}
    </div>
  );
}

function lookupAnnouncement(serial: string | null, data: ActionResult<LookupResult> | undefined): string {
  if (!serial || !data) return "";
  if (!data.ok) return data.message;
  if (!data.data.found) return `No token with serial ${groupSerial(serial)}.`;
  if (data.data.kind === "SID700")
    return `Token ${groupSerial(serial)}: ${data.data.token.tokenStatus}, ${data.data.token.tokenState}.`;
  return `DS100 authenticator ${groupSerial(serial)} with ${data.data.credentials.length} credential(s).`;
}
