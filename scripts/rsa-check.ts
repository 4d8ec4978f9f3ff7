// npm run rsa:check — checks the configured RSA credentials and explains what is wrong, if anything.
import { env, rsaCredentialKind } from "../lib/env";
import { diagnoseRsa, type FindingLevel } from "../lib/rsa/diagnose";
import { runMain } from "./cli-support";

const MARK: Record<FindingLevel, string> = { ok: "  ok ", info: "     ", warn: "warn ", fail: "FAIL " };

runMain(async () => {
  const config = env();
  if (rsaCredentialKind(config) === "none") {
    console.log("No RSA credentials are configured, so tokendesk runs in demo mode against its simulated tenant.");
    console.log(
      "To use a real tenant set RSA_ADMIN_KEY_FILE (legacy key), or RSA_OAUTH_ISSUER, RSA_OAUTH_CLIENT_ID, RSA_OAUTH_KEY_FILE and RSA_ADMIN_API_URL (OAuth client); see the README.",
    );
    return 2;
  }
  const diagnosis = await diagnoseRsa(config);
  for (const finding of diagnosis.findings) console.log(`${MARK[finding.level]}${finding.text}`);
  console.log(diagnosis.ok ? "\nRSA connection OK." : "\nRSA connection NOT working — see FAIL lines above.");
  return diagnosis.ok ? 0 : 1;
});
