import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { fail, type ActionResult } from "@/lib/action-result";
import { admit, unexpected, type Admitted, type DoorSpec } from "@/lib/guard/guard";
import { httpStatusFor } from "@/lib/guard/error-codes";
import { fieldErrorsOf, GUARD_MESSAGES } from "@/lib/guard/messages";

type RawParams = Record<string, string | string[] | undefined>;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType> extends DoorSpec {
  /** The path parameters, as Next.js decoded them (never decoded a second time). */
  params?: P;
  /** The query string, one value per name. */
  query?: Q;
}

const NO_STORE = { "Cache-Control": "no-store" };
const ANY = z.record(z.string(), z.unknown());

/** An ActionResult as JSON, with the HTTP status its code maps to. */
export function resultResponse<T>(result: ActionResult<T>): NextResponse {
  return NextResponse.json(result, { status: result.ok ? 200 : httpStatusFor(result.code), headers: NO_STORE });
}

/**
 * A route handler behind the door: `export const GET = guardRoute({...}, handler)`.
 * The handler returns an ActionResult (sent as JSON) or its own Response (a stream).
 */
export function guardRoute<P extends z.ZodType = z.ZodType<RawParams>, Q extends z.ZodType = z.ZodType<RawParams>>(
  spec: RouteSpec<P, Q>,
  handler: (
    admitted: Admitted & { params: z.infer<P>; query: z.infer<Q>; httpRequest: Request },
  ) => Promise<ActionResult<unknown> | Response>,
) {
  return async (httpRequest: Request, context: { params?: Promise<RawParams> }): Promise<Response> => {
    const door = await admit(spec);
    if (!door.ok) return resultResponse(door.failure);
    const { request } = door.admitted;
    try {
      const rawParams = (await context.params) ?? {};
      const rawQuery = Object.fromEntries(new URL(httpRequest.url).searchParams);
      // Without a schema the raw values pass through (the generic's default says so).
      const params = (spec.params ?? ANY).safeParse(rawParams) as z.ZodSafeParseResult<z.infer<P>>;
      const query = (spec.query ?? ANY).safeParse(rawQuery) as z.ZodSafeParseResult<z.infer<Q>>;
      if (!params.success || !query.success) {
        const error = !params.success ? params.error : (query as { error: z.ZodError }).error;
        return resultResponse(
          fail("INVALID_INPUT", GUARD_MESSAGES.invalidInput, {
            fieldErrors: fieldErrorsOf(error),
            referenceId: request.requestId,
          }),
        );
      }
      const result = await handler({ ...door.admitted, params: params.data, query: query.data, httpRequest });
      return result instanceof Response ? result : resultResponse(result);
    } catch (error) {
      return resultResponse(unexpected(error, request));
    }
  };
}
