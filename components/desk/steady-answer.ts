"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";

/** A request that found the session gone: the desk says so instead of leaving the page. */
export class SessionEndedError extends Error {
  constructor() {
    super("Your session has ended.");
    this.name = "SessionEndedError";
  }
}

export interface AnswerProblem {
  message: string;
  referenceId?: string;
  sessionEnded: boolean;
}

const UNREACHABLE = "tokendesk could not be reached. Check your connection and search again.";
const SESSION_ENDED = "Your session has ended, so tokendesk cannot show this. Sign in again to go on.";

export interface SteadyAnswer<T> {
  /** The latest answer that worked (kept when a refresh fails, so an open dialog is never torn down). */
  data: T | null;
  /** When `data` was fetched. */
  at: number;
  /** Why the latest request did not give an answer, if it did not. */
  problem: AnswerProblem | null;
  pending: boolean;
}

/**
 * What a desk view shows for one query. A refresh that fails (RSA down, the
 * session ended, the network gone) must not replace the card under a dialog
 * the agent is filling in: the last good answer stays, and the problem is
 * shown beside it.
 */
export function useSteadyAnswer<T>(query: UseQueryResult<ActionResult<T>>): SteadyAnswer<T> {
  const [good, setGood] = useState<{ data: T; at: number } | null>(null);
  if (query.data?.ok && good?.at !== query.dataUpdatedAt) setGood({ data: query.data.data, at: query.dataUpdatedAt });

  const current = query.data?.ok ? { data: query.data.data, at: query.dataUpdatedAt } : good;
  let problem: AnswerProblem | null = null;
  if (query.isError)
    problem =
      query.error instanceof SessionEndedError
        ? { message: SESSION_ENDED, sessionEnded: true }
        : { message: UNREACHABLE, sessionEnded: false };
  else if (query.data && !query.data.ok)
    problem = { message: query.data.message, referenceId: query.data.referenceId, sessionEnded: false };

  return { data: current?.data ?? null, at: current?.at ?? 0, problem, pending: query.isPending };
}

/** Where "Sign in again" goes: back to this very address afterwards. */
export function signInAgainHref(): string {
  const here = typeof window === "undefined" ? "/" : window.location.pathname + window.location.search;
  return `/signin?callbackUrl=${encodeURIComponent(here)}`;
}
