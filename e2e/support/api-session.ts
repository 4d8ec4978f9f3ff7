import { request, type APIRequestContext } from "@playwright/test";
import { E2E } from "./environment";

/** A signed-in HTTP client (no browser), through next-auth's credentials flow as a form would do it. */
export async function apiSession(credentials: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: E2E.baseUrl });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
    maxRedirects: 0,
  });
  if (response.status() >= 400) throw new Error(`sign-in failed for ${credentials.email}: ${response.status()}`);
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: unknown };
  if (!session.user) throw new Error(`no session for ${credentials.email}`);
  return context;
}
