"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { PeopleFound } from "@/lib/people/find-people";
import { LookupPending, LookupProblem } from "@/components/desk/lookup-states";
import { useSteadyAnswer } from "@/components/desk/steady-answer";
import { usePeopleSearch } from "@/components/desk/queries";

function moreSentence(more: NonNullable<PeopleFound["more"]>): string {
  if (more.atLeast) return `${more.count} or more people also match — type more of the e-mail.`;
  return more.count === 1
    ? "1 more person matches — type more of the e-mail."
    : `${more.count} more people match — type more of the e-mail.`;
}

/**
 * Everyone whose e-mail contains what the agent typed: a short list to pick
 * from with the arrow keys and Enter (ArrowDown from the search box enters
 * it). A single match opens the caller at once.
 */
export function PeopleList({
  q,
  announce,
  listRef,
}: {
  q: string;
  announce: (text: string) => void;
  listRef: React.RefObject<HTMLOListElement | null>;
}) {
  const router = useRouter();
  const search = usePeopleSearch(q);
  const announced = useRef<string | null>(null);
  const answer = useSteadyAnswer(search);
  const found = answer.data;

  useEffect(() => {
    if (!found || announced.current === q) return;
    announced.current = q;
    if (found.matches.length === 1 && !found.more && found.matches[0]!.email) {
      router.replace(`/users/${encodeURIComponent(found.matches[0]!.email)}`);
      return;
    }
    announce(
      found.matches.length === 0
        ? `Nobody's e-mail contains "${found.searched}".`
        : found.matches.length === 1
          ? "1 person matches; use the arrow keys to pick."
          : `${found.matches.length} people match; use the arrow keys to pick.`,
    );
  }, [found, q, router, announce]);

  if (!found)
    return answer.problem ? (
      <LookupProblem problem={answer.problem} onRetry={() => void search.refetch()} />
    ) : (
      <LookupPending text={`Looking for "${q}" in RSA…`} />
    );
  const data = found;
  if (data.matches.length === 0)
    return (
      <div className="rounded-lg border border-slate-300 bg-white p-6" data-testid="no-people">
        <h2 className="text-xl font-semibold">Nobody found</h2>
        <p className="mt-1 text-slate-700">
          No RSA user&apos;s e-mail contains <span className="font-semibold">{data.searched}</span>. Try a part of the
          e-mail, or the last name.
        </p>
      </div>
    );

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === "ArrowDown" ? Math.min(links.length - 1, index + 1) : index - 1;
    if (next < 0) document.getElementById("desk-search")?.focus();
    else links[next]?.focus();
  }

  return (
    <section
      aria-labelledby="people-title"
      className="rounded-lg border border-slate-300 bg-white p-4"
      data-testid="people"
    >
      <h2 id="people-title" className="text-xl font-semibold">
        {data.matches.length === 1 ? "1 person matches" : `${data.matches.length} people match`} “{data.searched}”
      </h2>
      <ol ref={listRef} onKeyDown={onKeyDown} className="mt-2 grid gap-1" aria-label="People who match">
        {data.matches.map((person) => (
          <li key={person.id}>
            <Link
              href={person.email ? `/users/${encodeURIComponent(person.email)}` : "#"}
              className="block rounded-md px-3 py-2 outline-offset-2 hover:bg-slate-100 focus:bg-blue-50"
            >
              <span className="font-semibold">{person.name ?? "Unnamed"}</span> · {person.email ?? "no e-mail"}
              {person.userStatus && !/^enabled$/i.test(person.userStatus) && (
                <span className="ml-2 text-sm text-red-900">({person.userStatus} in RSA)</span>
              )}
              {person.identitySource && <span className="ml-2 text-sm text-slate-600">{person.identitySource}</span>}
            </Link>
          </li>
        ))}
      </ol>
      {data.more && (
        <p className="mt-2 font-semibold text-slate-800" data-testid="more-people">
          {moreSentence(data.more)}
        </p>
      )}
    </section>
  );
}
