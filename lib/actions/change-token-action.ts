"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import type { ChangeSuccess } from "@/lib/tokens/change-token";
import { SERIAL_PATTERN } from "@/lib/tokens/serial";
import { TOKEN_ACTIONS } from "@/lib/tokens/token-actions";
import { tokenStatusChange } from "@/lib/tokens/token-status-change";

const inputSchema = changeFieldsSchema
  .extend({
    serial: z.string().regex(SERIAL_PATTERN, "That serial number is not valid."),
    tokenType: z.enum(["SID700", "DS100"]),
    action: z.enum(TOKEN_ACTIONS),
    expected: z.object({
      tokenStatus: z.enum(["Enabled", "Disabled"]),
      tokenState: z.enum(["Unassigned", "Activation Pending", "Activated"]),
      userId: z.string().max(64).nullable(),
    }),
    /** Unassign only: the last four digits of the serial, typed by the agent. */
    confirmDigits: z.string().max(100).optional(),
  })
  .refine((v) => !(v.tokenType === "DS100" && v.action === "unassign"), {
    path: ["action"],
    message: "DS100 authenticators cannot be unassigned.",
  });

/** Enable, disable or unassign a token. Thin: the door, the form's own rules, then the one change path. */
export async function changeTokenAction(raw: unknown): Promise<ActionResult<ChangeSuccess>> {
  return guardAction({ resource: "token.change", permission: "token:change", input: inputSchema }, raw, (admitted) => {
    const { input } = admitted;
    const digits: Record<string, string> = {};
    if (input.action === "unassign" && input.confirmDigits !== input.serial.slice(-4))
      digits.confirmDigits = "Type the last four digits of the serial to confirm.";
    return runDeskChange(
      admitted,
      input,
      tokenStatusChange(input.action),
      { action: input.action, tokenType: input.tokenType, serial: input.serial, expected: input.expected },
      input.expected.userId,
      digits,
    );
  });
}
