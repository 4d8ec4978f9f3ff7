"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import { clearPinChange, type PinState } from "@/lib/tokens/clear-pin-change";
import type { ChangeSuccess } from "@/lib/tokens/change-token";
import { SERIAL_PATTERN } from "@/lib/tokens/serial";

const inputSchema = changeFieldsSchema.extend({
  tokenType: z.enum(["SID700", "DS100"]),
  serial: z.string().regex(SERIAL_PATTERN, "That serial number is not valid."),
  credentialSerial: z.string().regex(SERIAL_PATTERN, "That credential serial is not valid.").nullable(),
  expectedUserId: z.string().min(1).max(64),
});

/** Clear a SID700 token's PIN, or one DS100 credential's (by its 12-digit credential serial). */
export async function clearPinAction(raw: unknown): Promise<ActionResult<ChangeSuccess<PinState>>> {
  return guardAction(
    { resource: "token.clear-pin", permission: "token:change", input: inputSchema },
    raw,
    (admitted) => {
      const { input } = admitted;
      return runDeskChange(
        admitted,
        input,
        clearPinChange,
        {
          tokenType: input.tokenType,
          serial: input.serial,
          credentialSerial: input.tokenType === "DS100" ? input.credentialSerial : null,
          expectedUserId: input.expectedUserId,
        },
        input.expectedUserId,
      );
    },
  );
}
