import type { IncomingMessage, ServerResponse } from "node:http";

/** The compression middleware of scripts/web-server.mjs (brotli, gzip; small JSON answers left as they are). */
export function compress(request: IncomingMessage, response: ServerResponse, next: () => void): void;

/** Makes a JSON answer go out whole: one write, with its Content-Length. */
export function sendJsonWhole(response: ServerResponse): void;
