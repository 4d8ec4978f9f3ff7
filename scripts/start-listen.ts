/**
 * Where the web server listens, and the URL to print. A demo (simulated RSA,
 * demo accounts with printed passwords) is for this machine only unless HOST
 * says otherwise; a configured installation listens on every interface, as
 * servers behind a reverse proxy usually do.
 */
export interface ListenPlan {
  /** For `next start -H`; undefined leaves Next's default: every interface. */
  host?: string;
  /** The one line the start prints about it. */
  note: string;
  /** Where this machine reaches the server: its health is checked there before the banner. */
  localUrl: string;
  /** The URL people open unless NEXTAUTH_URL says otherwise. */
  defaultPublicUrl: string;
}

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

export function planListening(config: { HOST?: string; PORT: number }, demo: boolean): ListenPlan {
  const port = config.PORT;
  const host = config.HOST ?? (demo ? "127.0.0.1" : undefined);
  if (!host || WILDCARDS.has(host)) {
    return {
      host,
      note: `Listening on every interface, port ${port}${demo ? " (HOST)" : "; set HOST=127.0.0.1 to accept this machine only"}.`,
      localUrl: `http://127.0.0.1:${port}`,
      defaultPublicUrl: `http://localhost:${port}`,
    };
  }
  const note =
    demo && !config.HOST
      ? `Listening on 127.0.0.1 only (demo mode); set HOST=0.0.0.0 to accept other machines.`
      : `Listening on ${host} only, port ${port} (HOST).`;
  const reachable = `http://${urlHost(host)}:${port}`;
  return {
    host,
    note,
    localUrl: reachable,
    // "localhost" is what people type, and it works whenever the server is on loopback.
    defaultPublicUrl: isLoopback(host) ? `http://localhost:${port}` : reachable,
  };
}

/** A sentence when the URL people are told to open cannot reach where the server listens. */
export function publicUrlMismatch(publicUrl: string, plan: ListenPlan): string | undefined {
  const listensOnLoopbackOnly = plan.host !== undefined && isLoopback(plan.host);
  let publicHost: string;
  try {
    publicHost = new URL(publicUrl).hostname;
  } catch {
    return undefined;
  }
  if (listensOnLoopbackOnly && !isLoopback(publicHost)) {
    return `NEXTAUTH_URL is ${publicUrl}, but the web server accepts connections from this machine only: set HOST=0.0.0.0 (or put a reverse proxy on this machine).`;
  }
  return undefined;
}
