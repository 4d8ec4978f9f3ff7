import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "@/lib/http/client-address";

const headers = (values: Record<string, string>) => (name: string) => values[name.toLowerCase()] ?? null;
const trusting = (list: string) => parseTrustedProxies(list).list;

describe("the client address recorded in the audit", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const h = headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "10.0.0.1, 198.51.100.7" });
    expect(clientAddress(h, trusting(""))).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For from the right through trusted proxies only", () => {
    const h = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.5" });
    // 10.0.0.2 (our proxy) vouches for 10.0.0.5 (another of ours), which vouches for 198.51.100.7: the client.
    expect(clientAddress(h, trusting("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For when the peer itself is not trusted", () => {
    const h = headers({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4" });
    expect(clientAddress(h, trusting("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("stops at garbage in a trusted chain instead of believing it", () => {
    const h = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, not-an-address" });
    expect(clientAddress(h, trusting("10.0.0.0/8"))).toBe("10.0.0.2");
  });

  it("understands IPv6 and IPv4-mapped peers", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "::1", "x-forwarded-for": "2001:db8::5" }), trusting("::1"))).toBe(
      "2001:db8::5",
    );
    expect(
      clientAddress(
        headers({ [PEER_HEADER]: "::ffff:10.1.2.3", "x-forwarded-for": "192.0.2.1" }),
        trusting("10.0.0.0/8"),
      ),
    ).toBe("192.0.2.1");
  });

  it("rejects a TRUSTED_PROXIES entry that is not an address or range, naming it", () => {
    expect(parseTrustedProxies("10.0.0.0/8, proxy.internal, 10.0.0.0/99").problems).toEqual([
      '"proxy.internal" is not an IP address or CIDR range',
      '"10.0.0.0/99" has an invalid prefix length',
    ]);
  });
});
