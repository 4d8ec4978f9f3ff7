import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { withSingleSignOn } from "@/lib/auth/sso-route";
import { logger } from "@/lib/logger";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so configuration is read at run time, not at build time;
// single sign-on's checks and refusals wrap next-auth (lib/auth/sso-route.ts).
async function handler(request: Request, context: Context) {
  const { nextauth } = await context.params;
  try {
    return await withSingleSignOn(request, nextauth ?? [], (options) =>
      NextAuth(request as never, context as never, options),
    );
  } catch (error) {
    // A body next-auth cannot read (broken JSON or form data) is the client's mistake, not a 500.
    logger().warn({ err: error }, "sign-in endpoint could not read the request");
    return NextResponse.json(
      {
        ok: false,
        code: "INVALID_INPUT",
        message: "The sign-in request could not be read. Reload the page and try again.",
      },
      { status: 400 },
    );
  }
}

export { handler as GET, handler as POST };
