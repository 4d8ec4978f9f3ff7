"use client";

import Link from "next/link";
import type { DeskAction } from "@/lib/desk/desk-actions";
import { verdictFor } from "@/lib/desk/verdict";
import type { Ds100Group, UserCard } from "@/lib/people/user-card";
import type { SidToken } from "@/lib/rsa/types";
import type { DeviceSummary } from "@/lib/rsa/user-types";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import { groupSerial } from "@/lib/tokens/serial";
import { allowedActions, sidSnapshot, type TokenSnapshot } from "@/lib/tokens/token-actions";
import { ActionBar } from "@/components/desk/action-bar";
import { StateBadge, StatusBadge } from "@/components/desk/badges";
import { Expiry } from "@/components/desk/fact";
import { CalendarDay } from "@/components/local-time";

/** A target of an action on the caller's card: one of their SID700 tokens or DS100 devices. */
export type CardTarget =
  { kind: "SID700"; token: SidToken } | { kind: "DS100"; group: Ds100Group; snapshot: TokenSnapshot };

export function sidActions(token: SidToken, canChange: boolean): DeskAction[] {
  if (!canChange) return [];
  const status = allowedActions("SID700", sidSnapshot(token));
  const actions: DeskAction[] = status.filter((a) => a !== "unassign");
  if (status.length > 0) actions.push("clear-pin");
  if (status.includes("unassign")) actions.push("unassign", "rename");
  return actions;
}

/** A DS100 device as one: enabled if any credential is (enable and disable act on all of them). */
export function ds100GroupSnapshot(group: Ds100Group, ownerId: string): TokenSnapshot {
  const statuses = group.credentials.map((c) => c.tokenStatus);
  const known = statuses.every((s) => s === "Enabled" || s === "Disabled");
  return {
    tokenStatus: !known ? null : statuses.includes("Enabled") ? "Enabled" : "Disabled",
    tokenState: "Activated",
    userId: ownerId,
  };
}

const dayFormat = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" }).format(new Date(iso));

/** Every authenticator the caller holds: SID700s with their actions, DS100s, then phones and FIDO keys (read only). */
export function UserAuthenticators({
  card,
  canChange,
  lookedUpAt,
  onOpen,
}: {
  card: UserCard;
  canChange: boolean;
  lookedUpAt: number;
  onOpen: (action: DeskAction, target: CardTarget, opener: HTMLElement) => void;
}) {
  const nothing =
    card.tokens.length === 0 && card.ds100.length === 0 && card.phones.length === 0 && card.fidoKeys.length === 0;
  return (
    <section aria-labelledby="authenticators-title" className="grid gap-2">
      <h3 id="authenticators-title" className="text-lg font-semibold">
        Authenticators
      </h3>
      {card.devicesProblem && <p className="text-red-900">{card.devicesProblem}</p>}
      {nothing && !card.devicesProblem && (
        <p className="text-slate-700" data-testid="no-authenticators">
          This caller has no authenticator yet.
        </p>
      )}
      <ul className="grid gap-2" data-testid="sid-tokens">
        {card.tokens.map((token) => {
          const verdict = verdictFor(token, {
            now: lookedUpAt,
            lastChange: card.lastChanges[token.tokenSerialNumber] ?? null,
            formatDay: dayFormat,
            reasonLabel: (r) => CHANGE_REASONS[r as keyof typeof CHANGE_REASONS] ?? r,
          });
          return (
            <li
              key={token.tokenSerialNumber}
              className="rounded-md border border-slate-300 p-3"
              data-serial={token.tokenSerialNumber}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link
                  href={`/tokens/${token.tokenSerialNumber}`}
                  className="font-mono text-lg font-bold text-blue-900 underline"
                >
                  {groupSerial(token.tokenSerialNumber)}
                </Link>
                <span className="text-slate-700">SID700{token.name ? ` · ${token.name}` : ""}</span>
                <span className="ml-auto flex gap-2">
                  <StatusBadge
                    status={token.tokenStatus}
                    raw={token.rawTokenStatus}
                    outranked={verdict.headline.startsWith("Expired")}
                  />
                  <StateBadge state={token.tokenState} raw={token.rawTokenState} />
                </span>
              </div>
              <p className="mt-1 font-semibold" data-testid="row-verdict">
                {verdict.headline}
              </p>
              <p className="text-sm text-slate-700">
                Expires <Expiry iso={token.expiryDate} /> · PIN set:{" "}
                {token.pinSet === null ? "unknown" : token.pinSet ? "yes" : "no"}
              </p>
              <div className="mt-2">
                <ActionBar
                  size="small"
                  label={`Actions for token ${groupSerial(token.tokenSerialNumber)}`}
                  actions={sidActions(token, canChange)}
                  onOpen={(action, opener) => onOpen(action, { kind: "SID700", token }, opener)}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {card.hiddenTokens > 0 && (
        <p className="text-amber-900">
          {card.hiddenTokens === 1
            ? "RSA listed one more SID700 token that tokendesk could not read; check it in the RSA console."
            : `RSA listed ${card.hiddenTokens} more SID700 tokens that tokendesk could not read; check them in the RSA console.`}
        </p>
      )}
      {card.ds100.map((group) => {
        const snapshot = ds100GroupSnapshot(group, card.user.id);
        const actions: DeskAction[] = canChange
          ? [...allowedActions("DS100", snapshot), ...(snapshot.tokenStatus ? (["clear-pin"] as const) : [])]
          : [];
        return (
          <div
            key={group.deviceSerial}
            className="rounded-md border border-slate-300 p-3"
            data-device={group.deviceSerial}
          >
            <div className="flex flex-wrap items-center gap-3">
              <Link
                href={`/tokens/${group.deviceSerial}`}
                className="font-mono text-lg font-bold text-blue-900 underline"
              >
                {groupSerial(group.deviceSerial)}
              </Link>
              <span className="text-slate-700">DS100 authenticator</span>
            </div>
            <ul className="mt-1 text-sm">
              {group.credentials.map((c) => (
                <li key={c.tokenSerialNumber ?? c.id}>
                  Credential{" "}
                  <span className="font-mono">{c.tokenSerialNumber ? groupSerial(c.tokenSerialNumber) : "—"}</span>:{" "}
                  {c.tokenStatus ?? "status unknown"} · PIN set:{" "}
                  {c.pinSet === null ? "unknown" : c.pinSet ? "yes" : "no"}
                </li>
              ))}
            </ul>
            <div className="mt-2">
              <ActionBar
                size="small"
                label={`Actions for DS100 ${groupSerial(group.deviceSerial)}`}
                actions={actions}
                onOpen={(action, opener) => onOpen(action, { kind: "DS100", group, snapshot }, opener)}
              />
            </div>
          </div>
        );
      })}
      <ReadOnlyDevices title="Phones" devices={card.phones} />
      <ReadOnlyDevices title="FIDO security keys" devices={card.fidoKeys} />
    </section>
  );
}

function ReadOnlyDevices({ title, devices }: { title: string; devices: DeviceSummary[] }) {
  if (devices.length === 0) return null;
  return (
    <div>
      <h4 className="font-semibold">{title}</h4>
      <ul className="text-sm">
        {devices.map((d, i) => (
          <li key={d.id ?? `${title}-${i}`}>
            {d.name ?? "Unnamed"} · {d.deviceType ?? "device"} · {d.status ?? d.tokenStatus ?? "status not given"}
            {d.registeredDate && (
              <>
                {" "}
                · registered <CalendarDay iso={d.registeredDate} />
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
