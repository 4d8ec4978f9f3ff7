// The RSA simulator in a process of its own for `npm run bench` (forked by
// scripts/bench/stack.ts), so the load generator, tokendesk and the tenant
// each have their own event loop, as they would on real machines. It counts
// what the bench asks about over the IPC channel: Administration API requests
// (tokendesk's, and the bench's own marked ?bench=bare) and OAuth access tokens
// issued (the simulator's log has a line per answer).
//
//   fork("scripts/bench/simulator-process.ts", [port, keyDir], { execArgv: ["--import", "tsx", ...] })
import { startSimulator } from "../../simulator/index";

const [portArg, keyDir] = process.argv.slice(2);
if (!process.send || !portArg || !keyDir) {
  console.error("usage: forked with IPC, arguments PORT KEY_DIR");
  process.exit(2);
}

let tokensIssued = 0;
let tokenRequests = 0;
/** Requests the bench sent straight to the tenant (marked ?bench=bare), to tell them from tokendesk's. */
let bareRequests = 0;
const simulator = await startSimulator({
  port: Number(portArg),
  keyDir,
  host: "127.0.0.1",
  log: (line) => {
    if (line.includes("bench=bare")) bareRequests++;
    else if (line.startsWith("POST /oauth/token ")) {
      tokenRequests++;
      if (line.includes("→ 200")) tokensIssued++;
    }
  },
});

process.on("message", (message: { type: string; id: number }) => {
  if (message.type === "counts") {
    process.send!({
      type: "counts",
      id: message.id,
      adminRequests: simulator.requestCount(),
      tokensIssued,
      tokenRequests,
      bareRequests,
    });
  }
});
process.on("disconnect", () => void simulator.close().then(() => process.exit(0)));
process.once("SIGTERM", () => void simulator.close().then(() => process.exit(0)));

process.send({
  type: "ready",
  url: simulator.url,
  adminRestApiUrl: simulator.adminRestApiUrl,
  oauth: simulator.oauth,
});
