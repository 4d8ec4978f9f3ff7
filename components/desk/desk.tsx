"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { RecentSearch } from "@/lib/audit/serial-history";
import { actionForKey, DESK_ACTIONS, type DeskAction } from "@/lib/desk/desk-actions";
import { deskPathFor, parseDeskQuery } from "@/lib/desk/desk-query";
import { forgetDraft, readDraft } from "@/components/desk/dialog/drafts";
import type { DetailsDraft } from "@/components/desk/dialog/change-details-fields";
import type { ShortcutTarget } from "@/components/desk/desk-view-props";
import { RecentSearches, recentText } from "@/components/desk/recent-searches";
import { SearchBox } from "@/components/desk/search-box";
import { TicketBar } from "@/components/desk/ticket-bar";
import { PeopleList, preloadViews, TokenView, UserView } from "@/components/desk/lazy-views";
import { targetFromAddress, targetKey, targetOf, targetText } from "@/components/desk/desk-target";

interface DeskProps {
  recent: RecentSearch[];
  canChange: boolean;
}

type Ticket = { value: string; key: string };

const NOT_OFFERED = "That action is not offered for what is on screen.";

const isTyping = (el: Element | null) =>
  !!el?.closest("input, textarea, select, [contenteditable=true], dialog, [role=dialog]");

/**
 * The agent's screen. The address says what is shown (/tokens/<serial>,
 * /users/<e-mail>, /people?q=…), so Back and Forward follow it; the desk
 * itself stays mounted across them (app/(app)/(desk)/layout.tsx).
 */
export function Desk({ recent, canChange }: DeskProps) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const queryClient = useQueryClient();
  const target = targetFromAddress(pathname, params);
  const key = targetKey(target);

  // What the box holds. The box itself is uncontrolled (components/desk/search-box.tsx): setQuery writes both.
  const [query, setQueryState] = useState(targetText(target));
  const [inputError, setInputError] = useState<string | null>(() => initialQueryError(pathname, params));
  const [recentItems, setRecentItems] = useState(recent);
  // A ticket belongs to what is on screen; a ticket system's link (?ticket=) brings one along.
  const [ticket, setTicket] = useState<Ticket | null>(() => linkedTicket(params, key));
  const [announcement, setAnnouncement] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  // Made once (refs and state setters never change), so it is the same function on every render.
  const [setQuery] = useState(() => (text: string) => {
    setQueryState(text);
    if (searchRef.current && searchRef.current.value !== text) searchRef.current.value = text;
  });
  const listRef = useRef<HTMLOListElement>(null);
  const shortcuts = useRef<ShortcutTarget | null>(null);
  // An action's key pressed while the answer is still on its way: opened when that answer arrives, if offered.
  const earlyKey = useRef<{ target: string; key: string } | null>(null);
  const [registerShortcuts] = useState(() => (next: ShortcutTarget | null) => {
    shortcuts.current = next;
    const early = earlyKey.current;
    if (!next || early?.target !== next.target) return;
    earlyKey.current = null;
    const action = actionForKey(early.key, next.actions);
    if (action) next.open(action);
    else setAnnouncement(NOT_OFFERED);
  });
  // What was searched last, until the address names it (router.push is not instant).
  const searched = useRef<string | null>(null);

  // The address changed (a search, Back, Forward, a link): show it, and drop another target's ticket.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setQueryState(targetText(target));
    setInputError(null);
    setTicket(linkedTicket(params, key) ?? (ticket?.key === key ? ticket : null));
  }

  const search = (text: string) => {
    const parsed = parseDeskQuery(text);
    if (parsed.kind === "invalid") {
      setInputError(parsed.message);
      setAnnouncement(parsed.message);
      return;
    }
    setInputError(null);
    const path = deskPathFor(parsed);
    if (parsed.kind !== "partial") {
      const item: RecentSearch =
        parsed.kind === "serial" ? { kind: "token", serial: parsed.serial } : { kind: "user", email: parsed.email };
      setRecentItems((items) => [item, ...items.filter((i) => recentText(i) !== recentText(item))].slice(0, 8));
    }
    if (path === `${pathname}${params.size ? `?${params}` : ""}` || path === pathname) {
      void queryClient.invalidateQueries(); // the same thing again: look it up afresh
    } else {
      searched.current = parsed.kind === "partial" ? null : targetKey(targetOf(parsed));
      router.push(path);
    }
    if (parsed.kind === "serial") setQuery(parsed.serial);
    else if (parsed.kind === "email") setQuery(parsed.email);
  };

  // The address changed: the box shows what it names (not on first paint, which may hold what was typed early).
  const paintedKey = useRef(key);
  useEffect(() => {
    if (paintedKey.current === key) return;
    paintedKey.current = key;
    const box = searchRef.current;
    if (box && box.value !== targetText(target)) box.value = targetText(target);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names the target
  }, [key]);

  // "/" returns to the search box; an action's key opens it when focus is not in a field.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target as Element)) return;
      if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      const offered = shortcuts.current;
      const action = offered && actionForKey(event.key, offered.actions);
      if (action) {
        event.preventDefault();
        offered.open(action);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // In the box: a letter typed over the serial just looked up is that action's key; anything else still types.
  function onBoxKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && target.kind === "people") {
      const first = listRef.current?.querySelector<HTMLAnchorElement>("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
    const box = event.currentTarget;
    // The box holds what is on screen, or what was just searched and is on its way.
    const typed = parseDeskQuery(box.value);
    const aimed = typed.kind === "serial" || typed.kind === "email" ? targetKey(targetOf(typed)) : null;
    const current = aimed !== null && (aimed === key || aimed === searched.current);
    // "/" over what is shown selects it, ready for the next caller (no serial, e-mail or name holds a "/").
    if (event.key === "/" && (current || (target.kind === "people" && box.value.trim() === target.q))) {
      event.preventDefault();
      box.select();
      return;
    }
    if (!current) return;
    // An action's key only with the caret at the end: after "/" (all selected) a letter types.
    if (box.selectionStart !== box.value.length || box.selectionEnd !== box.value.length) return;
    const offered = shortcuts.current?.target === aimed ? shortcuts.current : null;
    if (!offered) {
      // Still being looked up: hold the key, if it is an action's key at all.
      if (actionForKey(event.key, DESK_ACTIONS)) {
        event.preventDefault();
        earlyKey.current = { target: aimed, key: event.key };
      }
      return;
    }
    const action = actionForKey(event.key, offered.actions);
    if (action) {
      event.preventDefault();
      offered.open(action);
    }
  }

  const resume = resumeAction(params);
  // Back from signing in again: what the agent had typed in that dialog (read once, then gone from storage).
  const [saved] = useState(() => (resume && typeof window !== "undefined" ? readDraft(resume) : null));
  useEffect(() => {
    if (resume) forgetDraft(resume);
  }, [resume]);
  const draft: DetailsDraft = {
    ticket: saved?.ticket ?? (ticket?.key === key ? ticket.value : ""),
    reason: saved?.reason ?? "",
    note: saved?.note ?? "",
  };
  const viewProps = {
    canChange,
    ticket: draft,
    onTicketUsed: (value: string) => setTicket({ value, key }),
    registerShortcuts,
    resume,
    announce: setAnnouncement,
  };

  return (
    <div className="grid gap-4">
      <h1 className="sr-only">Help desk</h1>
      <section aria-label="Search">
        <SearchBox
          ref={searchRef}
          initialValue={paramsQuery(pathname, params) ?? query}
          onChange={(text) => {
            preloadViews();
            setQueryState(text);
          }}
          onSubmit={search}
          onKeyDown={onBoxKey}
          error={inputError}
        />
        <div className="flex flex-wrap items-center gap-x-8 gap-y-1">
          <TicketBar ticket={draft.ticket} onClear={() => setTicket(null)} />
          <RecentSearches items={recentItems.filter((i) => recentText(i) !== targetText(target))} onPick={search} />
        </div>
      </section>
      <div role="status" aria-live="polite" className="sr-only" data-testid="announcement">
        {announcement}
      </div>
      {/* A search the box refused clears the answer below it: nothing stale stays on screen. */}
      {!inputError && target.kind === "token" && (
        <TokenView key={target.serial} serial={target.serial} {...viewProps} />
      )}
      {!inputError && target.kind === "user" && <UserView key={target.email} email={target.email} {...viewProps} />}
      {!inputError && target.kind === "people" && (
        <PeopleList key={target.q} q={target.q} announce={setAnnouncement} listRef={listRef} />
      )}
      {target.kind === "none" && !inputError && <EmptyDesk />}
    </div>
  );
}

/** A search sent before the page's script started (GET /?q=…) that the server could not place. */
function paramsQuery(pathname: string, params: URLSearchParams): string | null {
  return pathname === "/" ? params.get("q") : null;
}

function initialQueryError(pathname: string, params: URLSearchParams): string | null {
  const q = paramsQuery(pathname, params);
  if (q === null) return null;
  const parsed = parseDeskQuery(q);
  return parsed.kind === "invalid" ? parsed.message : null;
}

function linkedTicket(params: URLSearchParams, key: string): Ticket | null {
  const value = params.get("ticket")?.trim().slice(0, 64);
  return value ? { value, key } : null;
}

function resumeAction(params: URLSearchParams): DeskAction | null {
  const value = params.get("resume");
  return (DESK_ACTIONS as readonly string[]).includes(value ?? "") ? (value as DeskAction) : null;
}

function EmptyDesk() {
  return (
    <p className="text-slate-600" data-testid="empty-desk">
      Ask the caller for their token&apos;s serial number (on the back of the token) or their e-mail address.
    </p>
  );
}
