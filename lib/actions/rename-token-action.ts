"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import type { ChangeSuccess } from "@/lib/tokens/change-token";
import { renameChange, type NameState } from "@/lib/tokens/rename-change";
import { SERIAL_PATTERN } from "@/lib/tokens/serial";
import { hasControlCharacters } from "@/lib/validation/text";

const inputSchema = changeFieldsSchema.extend({
  serial: z.string().regex(SERIAL_PATTERN, "That serial number is not valid."),
  expectedUserId: z.string().min(1).max(64),
  newName: z
    .string()
    .trim()
    .min(1, "Type the token's new name.")
    .max(255, "The token name can be at most 255 characters.")
    .refine((t) => !hasControlCharacters(t), "The token name can only contain printable characters."),
});

/** Rename a SID700 token, so its owner and the desk can tell it from their others. */
export async function renameTokenAction(raw: unknown): Promise<ActionResult<ChangeSuccess<NameState>>> {
  return guardAction({ resource: "token.rename", permission: "token:change", input: inputSchema }, raw, (admitted) => {
    const { input } = admitted;
    return runDeskChange(
      admitted,
      input,
      renameChange,
      { serial: input.serial, expectedUserId: input.expectedUserId, newName: input.newName },
      input.expectedUserId,
    );
  });
}
