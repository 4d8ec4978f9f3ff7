"use server";

import { z } from "zod";
import { fail, type ActionResult } from "@/lib/action-result";
import { requirePermission } from "@/lib/auth/require-permission";
import { requestContext } from "@/lib/request-context";
import { changeDetailsSchema } from "@/lib/tokens/change-reasons";
import { changeToken, type ChangeSuccess } from "@/lib/tokens/change-token";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { TOKEN_ACTIONS } from "@/lib/tokens/token-actions";
import { appendAuditEvent } from "@/lib/audit/append";

const inputSchema = z.object({
  serial: z.string().max(64),
  tokenType: z.enum(["SID700", "DS100"]),
  action: z.enum(TOKEN_ACTIONS),
  expected: z.object({
    tokenStatus: z.enum(["Enabled", "Disabled"]),
    tokenState: z.enum(["Unassigned", "Activation Pending", "Activated"]),
    userId: z.string().max(64).nullable(),
  }),
  ticket: z.string(),
  reason: z.string(),
  note: z.string().optional(),
  /** Unassign only: the last four digits of the serial, typed by the agent. */
  confirmDigits: z.string().optional(),
});

/** Enable, disable or unassign a token. Thin: validate, authorize, hand to lib/tokens. */
export async function changeTokenAction(raw: unknown): Promise<ActionResult<ChangeSuccess>> {
  const auth = await requirePermission("token:change");
  const ctx = await requestContext();
  if (!auth.ok) {
    if (auth.status === 403) {
      await appendAuditEvent({
        type: "ACCESS_DENIED",
        action: "TOKEN_CHANGE",
        requestId: ctx.requestId,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
      }).catch(() => {});
    }
    return fail(auth.code, auth.message);
  }

  const input = inputSchema.safeParse(raw);
  if (!input.success) return fail("INVALID_INPUT", "The request was not understood. Reload the page and try again.");
  const serial = parseSerialQuery(input.data.serial);
  if (!serial.ok || serial.serial !== input.data.serial)
    return fail("INVALID_SERIAL", "That serial number is not valid.");
  if (input.data.tokenType === "DS100" && input.data.action === "unassign")
    return fail("NOT_ALLOWED", "DS100 authenticators cannot be unassigned.");

  const details = changeDetailsSchema.safeParse({
    ticket: input.data.ticket,
    reason: input.data.reason,
    note: input.data.note ?? "",
  });
  const fieldErrors: Record<string, string> = {};
  if (!details.success) for (const issue of details.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  if (input.data.action === "unassign" && input.data.confirmDigits !== input.data.serial.slice(-4)) {
    fieldErrors.confirmDigits = "Type the last four digits of the serial to confirm.";
  }
  if (!details.success || Object.keys(fieldErrors).length > 0) {
    return fail("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
  }

  return changeToken(
    auth.user,
    {
      serial: input.data.serial,
      tokenType: input.data.tokenType,
      action: input.data.action,
      expected: input.data.expected,
      details: details.data,
    },
    ctx,
  );
}
