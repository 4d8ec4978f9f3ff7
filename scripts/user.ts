// npm run user -- <command> — manage tokendesk's own users from the command line.
import { hostname, userInfo } from "node:os";
import { parseArgs } from "node:util";
import { NO_REQUEST } from "../lib/audit/events";
import { ROLE_LABELS } from "../lib/auth/permissions";
import {
  addUser,
  endSessions,
  listUsers,
  resetPassword,
  setDisabled,
  setRole,
  UserError,
  type UserSummary,
} from "../lib/users/user-service";
import { readStdin, runMain, withDatabase } from "./cli-support";
import { loadLocalAuditKey } from "./local-audit-key";

const USAGE = `Usage: npm run user -- <command> [options]

  add --email E --name N --role agent|supervisor|admin
                      Create a user. The password is read from standard input
                      (echo "$PW" | npm run user -- add ...) or, if none is given,
                      generated and printed once.
  list                List users.
  set-role --email E --role agent|supervisor|admin
  disable --email E   Disable a user; their sessions end at once.
  enable --email E
  reset-password --email E
                      Set a new password (from standard input, or generated).
  end-sessions --email E
                      Sign a user out everywhere at once; they may sign in again.

Passwords must be at least 12 characters.`;

/** The command line writes the same audit rows as the administration page, naming the machine account that ran it. */
const BY_COMMAND_LINE = {
  actor: { kind: "system" as const, name: `command line (${userInfo().username}@${hostname()})` },
  request: NO_REQUEST,
};

function describe(u: UserSummary): string {
  const status = u.disabled ? "disabled" : "active";
  return `${u.email.padEnd(32)} ${u.displayName.padEnd(24)} ${ROLE_LABELS[u.role].padEnd(13)} ${status}${u.isDemo ? " (demo)" : ""}`;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UserError(`Missing --${flag}.\n\n${USAGE}`);
  return value;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    strict: true,
  });

  await loadLocalAuditKey(); // every change here is audited, so the command needs the trail's key
  return withDatabase(async () => {
    switch (command) {
      case "add": {
        const password = (await readStdin()) || undefined;
        const result = await addUser(
          {
            email: required(values.email, "email"),
            name: required(values.name, "name"),
            role: required(values.role, "role"),
            password,
          },
          BY_COMMAND_LINE,
        );
        console.log(`Created ${describe(result.user)}`);
        if (result.generated) console.log(`Password (shown once): ${result.password}`);
        return 0;
      }
      case "list": {
        const users = await listUsers();
        if (users.length === 0)
          console.log("No users yet. Add one with: npm run user -- add --email E --name N --role admin");
        for (const u of users) console.log(describe(u));
        return 0;
      }
      case "set-role":
        console.log(
          `Updated ${describe(await setRole(required(values.email, "email"), required(values.role, "role"), BY_COMMAND_LINE))}`,
        );
        return 0;
      case "disable":
        console.log(`Disabled ${describe(await setDisabled(required(values.email, "email"), true, BY_COMMAND_LINE))}`);
        return 0;
      case "enable":
        console.log(`Enabled ${describe(await setDisabled(required(values.email, "email"), false, BY_COMMAND_LINE))}`);
        return 0;
      case "reset-password": {
        const password = (await readStdin()) || undefined;
        const result = await resetPassword(required(values.email, "email"), password, BY_COMMAND_LINE);
        console.log(`Password reset for ${result.user.email}; their sessions have ended.`);
        if (result.generated) console.log(`New password (shown once): ${result.password}`);
        return 0;
      }
      case "end-sessions": {
        const result = await endSessions(required(values.email, "email"), BY_COMMAND_LINE);
        console.log(
          result.ended === 1
            ? `Ended 1 session of ${result.user.email}; they must sign in again.`
            : `Ended ${result.ended} sessions of ${result.user.email}; they must sign in again.`,
        );
        return 0;
      }
      default:
        throw new UserError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  });
}

runMain(main, ["UserError", "TypeError"]);
