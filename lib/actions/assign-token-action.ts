"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { runDeskChange } from "@/lib/actions/run-desk-change";
import { assignChange, type AssignState } from "@/lib/tokens/assign-change";
import { changeFieldsSchema } from "@/lib/tokens/change-details";
import type { ChangeSuccess } from "@/lib/tokens/change-token";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { hasControlCharacters } from "@/lib/validation/text";

const inputSchema = changeFieldsSchema.extend({
  /** As the agent typed it (spaces and dashes allowed): read like the search box reads it. */
  serial: z.string().max(100),
  userId: z.uuid("That RSA user id is not valid."),
  email: z.string().min(3).max(320),
  tokenName: z
    .string()
    .trim()
    .max(255, "The token name can be at most 255 characters.")
    .refine((t) => !hasControlCharacters(t), "The token name can only contain printable characters.")
    .optional(),
});

/** Give an unassigned SID700 token to a user (a new hire): it waits in "Activation Pending" until they use it. */
export async function assignTokenAction(raw: unknown): Promise<ActionResult<ChangeSuccess<AssignState>>> {
  return guardAction({ resource: "token.assign", permission: "token:change", input: inputSchema }, raw, (admitted) => {
    const { input } = admitted;
    const serial = parseSerialQuery(input.serial);
    const serialError: Record<string, string> = {};
    if (!serial.ok) serialError.serial = serial.message;
    else if (serial.kind !== "sid700") serialError.serial = "A SID700 token's serial has 12 digits.";
    return runDeskChange(
      admitted,
      input,
      assignChange,
      {
        serial: serial.ok ? serial.serial : "",
        userId: input.userId,
        email: input.email,
        tokenName: input.tokenName || null,
      },
      input.userId,
      serialError,
    );
  });
}
