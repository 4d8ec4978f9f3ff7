/** The error code next-auth passes to the sign-in form when sign-ins for an email are throttled. Browser-safe. */
export const SIGN_IN_THROTTLED = "THROTTLED";
