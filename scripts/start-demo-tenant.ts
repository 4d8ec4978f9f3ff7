import path from "node:path";
import { say } from "./start-output";

/** Demo mode: the bundled RSA simulator, with a key generated on first run into the data folder. */
export async function startDemoTenant(
  dataDir: string,
  port: number,
): Promise<{ keyFile: string; close: () => Promise<void> }> {
  const { startSimulator } = await import("../simulator/index");
  const simulator = await startSimulator({ port, keyDir: path.join(dataDir, "simulator") });
  say(`Simulated RSA tenant at ${simulator.adminRestApiUrl}.`);
  return { keyFile: simulator.legacyKeyFile, close: () => simulator.close() };
}
