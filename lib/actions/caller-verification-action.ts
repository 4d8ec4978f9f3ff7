"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { callerVerification, type VerificationView } from "@/lib/people/caller-verification";

const target = { userId: z.uuid("That RSA user id is not valid."), email: z.string().min(3).max(320) };
const inputSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("start"), ...target }),
  z.object({
    step: z.literal("code"),
    ...target,
    code: z
      .string()
      .trim()
      .regex(/^\d{4,12}$/, "Type the digits the caller reads from their authenticator."),
  }),
  z.object({ step: z.literal("cancel"), ...target }),
]);

/**
 * Live verification of the caller: start (a push to their phone), the code
 * they read instead, or cancel. Polling where it stands is a read: GET
 * /api/users/<e-mail>/verification.
 */
export async function callerVerificationAction(raw: unknown): Promise<ActionResult<VerificationView>> {
  return guardAction(
    { resource: "user.verification", permission: "token:change", input: inputSchema },
    raw,
    ({ user, request, input }) => {
      const who = { userId: input.userId, email: input.email };
      switch (input.step) {
        case "start":
          return callerVerification.start(user, request, who);
        case "code":
          return callerVerification.submitCode(user, request, who, input.code);
        case "cancel":
          return callerVerification.cancel(user, request, who);
      }
    },
  );
}
