"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { cancelEmergencyCodeChange, type EmergencyState } from "@/lib/people/emergency-code-changes";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import type { ChangeSuccess } from "@/lib/tokens/change-token";

const inputSchema = changeFieldsSchema.extend({
  userId: z.uuid("That RSA user id is not valid."),
  email: z.string().min(3).max(320),
  codeId: z.string().min(1).max(100),
});

/** Cancel the emergency access code tokendesk issued to a caller (their token turned up again). */
export async function cancelEmergencyCodeAction(raw: unknown): Promise<ActionResult<ChangeSuccess<EmergencyState>>> {
  return guardAction(
    { resource: "user.emergency-code.cancel", permission: "token:change", input: inputSchema },
    raw,
    (admitted) => {
      const { input } = admitted;
      return runDeskChange(
        admitted,
        input,
        cancelEmergencyCodeChange,
        { userId: input.userId, email: input.email, codeId: input.codeId },
        input.userId,
      );
    },
  );
}
