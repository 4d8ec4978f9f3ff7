import { ok } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { checkRsaNow } from "@/lib/admin/rsa-check";

export const dynamic = "force-dynamic";

/**
 * GET /api/admin/rsa-check: the diagnosis `npm run rsa:check` prints (one
 * harmless lookup of a serial that does not exist), as findings. A route
 * rather than a server action: a check can take the whole RSA time budget,
 * and server actions of one browser run one at a time.
 */
export const GET = guardRoute({ resource: "admin.rsa.check", permission: "admin:manage" }, async () =>
  ok(await checkRsaNow()),
);
