// npm run simulator — the RSA simulator on its own, for training and for
// trying tokendesk against a "real" (separate-process) tenant.
//
//   npm run simulator [-- --port 4010] [-- --quiet]
//
// Keys live in $DATA_DIR/simulator (default .data/simulator) and are reused on
// the next run, so a configured tokendesk keeps working across restarts.
import path from "node:path";
import { DEFAULT_PORT, startSimulator } from "../simulator/index";

function parsePort(argv: string[]): number {
  const index = argv.findIndex((a) => a === "--port" || a.startsWith("--port="));
  const raw =
    index < 0 ? process.env.SIMULATOR_PORT : argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quiet = argv.includes("--quiet");
  const keyDir = path.resolve(process.env.DATA_DIR || ".data", "simulator");
  const simulator = await startSimulator({
    port: parsePort(argv),
    keyDir,
    log: quiet ? undefined : (line) => console.log(`[simulator] ${line}`),
  });

  console.log(
    [
      ``,
      `  Simulated RSA tenant running at ${simulator.url}`,
      `    Administration API REST URL  ${simulator.adminRestApiUrl}`,
      `    Legacy API key file          ${simulator.legacyKeyFile}`,
      `    OAuth issuer                 ${simulator.oauth.issuer}`,
      `    OAuth client id (RSA key)    ${simulator.oauth.clientId}`,
      `    OAuth key file (RSA JWK)     ${simulator.oauth.keyFile}`,
      `    OAuth client id (EC key)     ${simulator.oauthEc.clientId}`,
      `    OAuth key file (EC JWK)      ${simulator.oauthEc.keyFile}`,
      ``,
      `  Point tokendesk at it (in another terminal), either with the legacy key:`,
      `    RSA_ADMIN_KEY_FILE=${simulator.legacyKeyFile} npm start`,
      `  or as an OAuth client:`,
      `    RSA_OAUTH_ISSUER=${simulator.oauth.issuer} RSA_OAUTH_CLIENT_ID=${simulator.oauth.clientId} \\`,
      `    RSA_OAUTH_KEY_FILE=${simulator.oauth.keyFile} RSA_ADMIN_API_URL=${simulator.adminRestApiUrl} npm start`,
      ``,
      `  Control: ${simulator.url}/__simulator/health, POST /__simulator/reset, POST|DELETE /__simulator/faults`,
      `  Press Ctrl+C to stop.`,
      ``,
    ].join("\n"),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n  ${signal}: stopping the simulator.`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
