import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/guard/messages";
import { changeFieldsSchema, parseChangeDetails } from "@/lib/tokens/change-details";

describe("what a refused field says", () => {
  it("keeps a schema's own sentence and never shows zod's developer wording", () => {
    const schema = z.object({
      ticket: z.string().min(1, "Enter the ticket reference."),
      count: z.number(),
      email: z.string().max(5),
    });
    const parsed = schema.safeParse({ ticket: "", email: "far too long" });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(errors).toEqual({
      ticket: "Enter the ticket reference.",
      count: "This value is not valid.",
      email: "This value is not valid.",
    });
  });

  it("lets a change without a chosen reason through the door, so the reason's own sentence is shown", () => {
    // An unchosen <select> sends nothing at all.
    const admitted = changeFieldsSchema.safeParse({});
    expect(admitted.success).toBe(true);
    const details = parseChangeDetails(admitted.data!);
    expect(details).toEqual({
      ok: false,
      fieldErrors: { ticket: "Enter the ticket reference.", reason: "Pick a reason." },
    });
  });
});
