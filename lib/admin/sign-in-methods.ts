import "server-only";
import { env, oidcSettings, passwordsEnabled, type Env } from "@/lib/env";

/** How people sign in to this installation, for "add user" and "reset password". */
export interface SignInMethods {
  /** Single sign-on is configured: new users get a sign-in link, not a password. */
  singleSignOn: boolean;
  /** Local passwords are accepted (AUTH_PASSWORDS is not off). */
  passwords: boolean;
  /** The page a new user opens to sign in. */
  signInUrl: string;
}

export function signInMethods(e: Env = env()): SignInMethods {
  const base = (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return { singleSignOn: oidcSettings(e) !== null, passwords: passwordsEnabled(e), signInUrl: `${base}/signin` };
}

/** New users get a password only where passwords are on and single sign-on is not the way in. */
export function newUsersGetPassword(methods: SignInMethods): boolean {
  return methods.passwords && !methods.singleSignOn;
}
