import { BlockList, isIP } from "node:net";

/**
 * The address a request really came from, for the audit trail and the sign-in
 * throttle. The web server (scripts/web-server.ts) records the socket's peer
 * address in PEER_HEADER, overwriting anything a client sent. X-Forwarded-For
 * is only believed hop by hop through proxies listed in TRUSTED_PROXIES:
 * starting from the peer, each trusted hop vouches for the address to its left;
 * the first untrusted one is the client. With no trusted proxies the peer is
 * the client, whatever X-Forwarded-For says.
 */
export const PEER_HEADER = "x-tokendesk-peer";

export type HeaderReader = (name: string) => string | null | undefined;

/** Parses "10.0.0.0/8, 192.168.1.10, fd00::/8"; returns the problems instead of throwing. */
export function parseTrustedProxies(value: string | undefined): { list: BlockList; problems: string[] } {
  const list = new BlockList();
  const problems: string[] = [];
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!address || family === 0) {
      problems.push(`"${entry}" is not an IP address or CIDR range`);
      continue;
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
      problems.push(`"${entry}" has an invalid prefix length`);
      continue;
    }
    list.addSubnet(address, bits, type);
  }
  return { list, problems };
}

function normalise(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  return isIP(trimmed) ? trimmed : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export function clientAddress(header: HeaderReader, trusted: BlockList): string | null {
  const forwarded = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const peerHeader = header(PEER_HEADER);
  // Without our web server in front (the development server), Next.js itself puts the
  // socket address into X-Forwarded-For when a client did not send one: the last hop.
  const peer = normalise(peerHeader ?? forwarded.pop() ?? "");
  if (!peer) return null;
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0 && isTrusted(trusted, client); i--) {
    const hop = normalise(forwarded[i]!);
    if (!hop) break; // garbage from the client side of a trusted proxy: stop at the last address we can vouch for
    client = hop;
  }
  return client;
}
