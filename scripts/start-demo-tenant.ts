import path from "node:path";
import { say } from "./start-output";

/**
 * Demo mode: the bundled RSA simulator, with keys generated on first run into
 * the data folder. tokendesk talks to it as an OAuth client — what RSA now
 * recommends, and the only credential live verification of a caller accepts.
 */
export async function startDemoTenant(
  dataDir: string,
  port: number,
): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const { startSimulator } = await import("../simulator/index");
  const simulator = await startSimulator({ port, keyDir: path.join(dataDir, "simulator") });
  say(`Simulated RSA tenant at ${simulator.adminRestApiUrl} (tokendesk signs in as its OAuth client).`);
  return {
    env: {
      RSA_OAUTH_ISSUER: simulator.oauth.issuer,
      RSA_OAUTH_CLIENT_ID: simulator.oauth.clientId,
      RSA_OAUTH_KEY_FILE: simulator.oauth.keyFile,
      RSA_ADMIN_API_URL: simulator.adminRestApiUrl,
    },
    close: () => simulator.close(),
  };
}
