"use client";

import dynamic from "next/dynamic";
import { LookupPending } from "@/components/desk/lookup-states";

/**
 * The answers' views (a token, a caller, a list of people) and their dialogs
 * are fetched when first needed, not with the desk's first load: the empty
 * desk starts faster. They are asked for as soon as the agent types
 * (preloadViews), so they are in long before RSA's answer; a key pressed
 * before a view is ready is held by the desk until it is.
 */
const pending = () => <LookupPending text="Looking it up in RSA…" />;

export const TokenView = dynamic(() => import("@/components/desk/token-view").then((m) => m.TokenView), {
  loading: pending,
});
export const UserView = dynamic(() => import("@/components/desk/user-view").then((m) => m.UserView), {
  loading: pending,
});
export const PeopleList = dynamic(() => import("@/components/desk/people-list").then((m) => m.PeopleList), {
  loading: pending,
});

let preloaded = false;
export function preloadViews(): void {
  if (preloaded) return;
  preloaded = true;
  void import("@/components/desk/token-view");
  void import("@/components/desk/user-view");
  void import("@/components/desk/people-list");
}
