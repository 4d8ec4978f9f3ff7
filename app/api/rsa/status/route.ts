import { ok } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { rsaAvailability } from "@/lib/rsa/availability";

export const dynamic = "force-dynamic";

/** GET /api/rsa/status: whether RSA answers this instance (for the desk's outage banner). Never calls RSA itself. */
export const GET = guardRoute({ resource: "rsa.status", permission: "token:read" }, async () => ok(rsaAvailability()));
