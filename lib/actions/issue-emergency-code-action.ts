"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { issueEmergencyCodeChange, type EmergencyState } from "@/lib/people/emergency-code-changes";
import { emergencyDurationProblem } from "@/lib/people/emergency-duration";
import { EMERGENCY_EXPIRY_UNITS } from "@/lib/rsa/help-desk-types";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import type { ChangeSuccess } from "@/lib/tokens/change-token";

const inputSchema = changeFieldsSchema.extend({
  userId: z.uuid("That RSA user id is not valid."),
  email: z.string().min(3).max(320),
  oneTimeUse: z.boolean(),
  expiryUnit: z.enum(EMERGENCY_EXPIRY_UNITS, { message: "Pick minutes, hours or days." }),
  expiryValue: z.coerce.number({ message: "Type how long the code should work." }),
});

/**
 * Issue an emergency access code for a caller without their token. The code
 * comes back once, in this action's result (`reveal.code`), for the agent to
 * read out: it is never stored, logged or audited.
 */
export async function issueEmergencyCodeAction(raw: unknown): Promise<ActionResult<ChangeSuccess<EmergencyState>>> {
  return guardAction(
    { resource: "user.emergency-code.issue", permission: "token:change", input: inputSchema },
    raw,
    (admitted) => {
      const { input } = admitted;
      const problem = emergencyDurationProblem(input.expiryValue, input.expiryUnit);
      return runDeskChange(
        admitted,
        input,
        issueEmergencyCodeChange,
        {
          userId: input.userId,
          email: input.email,
          oneTimeUse: input.oneTimeUse,
          expiryUnit: input.expiryUnit,
          expiryValue: input.expiryValue,
        },
        input.userId,
        problem ? { expiryValue: problem } : {},
      );
    },
  );
}
