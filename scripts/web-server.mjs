// The production web server `npm start` runs: Next.js's request handler behind a
// plain Node HTTP server, for two things `next start` cannot do:
// - record the socket's own peer address in x-tokendesk-peer, overwriting any
//   value a client sent, so the audit's client address starts from a fact and
//   X-Forwarded-For is believed only through TRUSTED_PROXIES
//   (lib/http/client-address.ts);
// - compress with brotli when the browser accepts it (gzip otherwise);
// - send a JSON answer (the desk's lookups) in one write with its length,
//   uncompressed when small (web-server-compression.mjs; README: Performance).
//
//   node scripts/web-server.mjs --port 3000 [--host 127.0.0.1]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { compress, sendJsonWhole } from "./web-server-compression.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } }, strict: true });
const port = Number(values.port ?? 3000);
const host = values.host || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers["x-tokendesk-peer"] = request.socket.remoteAddress ?? "";
  compress(request, response, () => {
    sendJsonWhole(response);
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("tokendesk could not answer this request.");
    });
  });
});
server.listen(port, host, () => {
  console.log(`web server listening on ${host ?? "every interface"}:${port}`);
});

// Stop taking requests, let the ones in flight finish, and never hang on idle keep-alive connections.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
