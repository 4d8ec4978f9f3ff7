import "server-only";

/**
 * Database trouble at start, in one sentence that names the setting to fix
 * and never shows a password.
 */
export class DatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}

/** Where a connection string came from, for messages: "DATABASE_URL", "DATABASE_OWNER_URL", "the embedded database". */
export type UrlSource = string;

export function describeConnectionError(error: unknown, url: string, source: UrlSource): string {
  const { code, message } = error as { code?: string; message?: string };
  const target = safeTarget(url);
  const fix = source.startsWith("DATABASE") ? ` (${source})` : "";
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${target.server}: nothing answers there${fix}; is the server running and the address right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL: the host "${target.host}" is unknown${fix}.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `Cannot reach PostgreSQL at ${target.server}: no answer${fix}; check the address and the firewall.`;
    case "28P01":
      return `PostgreSQL at ${target.server} refused the password of user "${target.user}"${fix}.`;
    case "28000":
      return `PostgreSQL at ${target.server} does not let user "${target.user}" connect to "${target.database}" from this machine${fix}; check pg_hba.conf.`;
    case "3D000":
      return `The database "${target.database}" does not exist on ${target.server}${fix}.`;
    default:
      if (/timeout/i.test(message ?? ""))
        return `Cannot reach PostgreSQL at ${target.server}: no answer in time${fix}.`;
      return `PostgreSQL at ${target.server} refused the connection for user "${target.user}"${fix}: ${message ?? String(error)}`;
  }
}

function safeTarget(url: string): { server: string; host: string; user: string; database: string } {
  try {
    const u = new URL(url);
    const host = u.hostname || "localhost";
    return {
      server: `${host}:${u.port || "5432"}`,
      host,
      user: decodeURIComponent(u.username) || "(default user)",
      database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)",
    };
  } catch {
    return { server: "(unparsable address)", host: "", user: "", database: "" };
  }
}
