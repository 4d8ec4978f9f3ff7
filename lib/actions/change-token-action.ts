"use server";

import { z } from "zod";
import { fail, type ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { changeDetailsSchema } from "@/lib/tokens/change-details";
import { changeToken, type ChangeSuccess } from "@/lib/tokens/change-token";
import { SERIAL_PATTERN } from "@/lib/tokens/serial";
import { TOKEN_ACTIONS } from "@/lib/tokens/token-actions";

const inputSchema = z
  .object({
    serial: z.string().regex(SERIAL_PATTERN, "That serial number is not valid."),
    tokenType: z.enum(["SID700", "DS100"]),
    action: z.enum(TOKEN_ACTIONS),
    expected: z.object({
      tokenStatus: z.enum(["Enabled", "Disabled"]),
      tokenState: z.enum(["Unassigned", "Activation Pending", "Activated"]),
      userId: z.string().max(64).nullable(),
    }),
    ticket: z.string().max(1000),
    reason: z.string().max(100),
    note: z.string().max(5000).optional(),
    /** Unassign only: the last four digits of the serial, typed by the agent. */
    confirmDigits: z.string().max(100).optional(),
  })
  .refine((v) => !(v.tokenType === "DS100" && v.action === "unassign"), {
    path: ["action"],
    message: "DS100 authenticators cannot be unassigned.",
  });

/** Enable, disable or unassign a token. Thin: the door, the form's own rules, then lib/tokens. */
export async function changeTokenAction(raw: unknown): Promise<ActionResult<ChangeSuccess>> {
  return guardAction(
    { resource: "token.change", permission: "token:change", input: inputSchema },
    raw,
    async ({ user, request, input }) => {
      const details = changeDetailsSchema.safeParse({
        ticket: input.ticket,
        reason: input.reason,
        note: input.note ?? "",
      });
      const fieldErrors: Record<string, string> = {};
      if (!details.success)
        for (const issue of details.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      if (input.action === "unassign" && input.confirmDigits !== input.serial.slice(-4)) {
        fieldErrors.confirmDigits = "Type the last four digits of the serial to confirm.";
      }
      if (!details.success || Object.keys(fieldErrors).length > 0) {
        return fail("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
      }
      return changeToken(
        userActor(user),
        {
          serial: input.serial,
          tokenType: input.tokenType,
          action: input.action,
          expected: input.expected,
          details: details.data,
        },
        request,
      );
    },
  );
}
