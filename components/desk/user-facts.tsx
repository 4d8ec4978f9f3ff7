import type { UserCard } from "@/lib/people/user-card";
import { emergencyAccessSentence, lockoutSentences, userStatusSentence } from "@/lib/people/lockouts";
import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";

/** Who the caller is in RSA: name, e-mail, status, lockouts in words, where they come from, emergency access. */
export function UserFacts({ card }: { card: UserCard }) {
  const { user } = card;
  const lockouts = lockoutSentences(user);
  const emergency = emergencyAccessSentence(user);
  return (
    <header className="grid gap-1">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="user-title" className="text-3xl font-bold">
          {card.name ?? user.emailAddress ?? "Unnamed user"}
        </h2>
        {user.emailAddress && (
          <span className="text-lg">
            {user.emailAddress}
            <CopyButton value={user.emailAddress} label="Copy e-mail address" />
          </span>
        )}
      </div>
      <p
        data-testid="user-status"
        className={/^Enabled/.test(userStatusSentence(user)) ? "text-slate-800" : "font-semibold text-red-900"}
      >
        {userStatusSentence(user)}
        {user.identitySource && <span className="text-slate-700"> From {user.identitySource}.</span>}
        {user.monthLastAuthenticated && (
          <span className="text-slate-700"> Last signed in: {user.monthLastAuthenticated}.</span>
        )}
      </p>
      {lockouts.length > 0 && (
        <ul className="rounded-md border-l-8 border-red-700 bg-red-50 px-3 py-2 text-red-950" data-testid="lockouts">
          {lockouts.map((sentence) => (
            <li key={sentence} className="font-semibold">
              {sentence}
            </li>
          ))}
        </ul>
      )}
      {(emergency || card.issuedCode) && (
        <p className="rounded-md bg-blue-50 px-3 py-2 text-blue-950" data-testid="emergency-access">
          {emergency ?? "An emergency access code is active."}
          {(card.issuedCode?.expiresAt ?? user.emergencyTokencodeExpiration) && (
            <>
              {" "}
              It works until <LocalTime iso={(card.issuedCode?.expiresAt ?? user.emergencyTokencodeExpiration)!} />.
            </>
          )}
          {card.issuedCode?.issuedBy && <> Issued by {card.issuedCode.issuedBy} through tokendesk.</>}
        </p>
      )}
    </header>
  );
}
