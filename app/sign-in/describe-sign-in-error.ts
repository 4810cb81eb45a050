const KNOWN = ["CredentialsSignin", "NoStaffAccount", "AccountDeactivated", "SsoNotAllowed", "EmailNotVerified", "SessionRequired"] as const;

/** A sign-in error as a key of the `SignIn.errors` messages and its values. */
export type SignInError =
  | { key: "locked"; values: { unit: "minutes" | "seconds"; count: number } }
  | { key: (typeof KNOWN)[number] | "unknown"; values?: undefined };

/** next-auth's error codes (and ours, `locked:<seconds>`) as the message a person can act on. */
export function describeSignInError(code: string | null): SignInError | null {
  if (!code) return null;
  const locked = /^locked:(\d+)$/.exec(code);
  if (locked) {
    const seconds = Number(locked[1]);
    return { key: "locked", values: seconds >= 90 ? { unit: "minutes", count: Math.ceil(seconds / 60) } : { unit: "seconds", count: seconds } };
  }
  return { key: KNOWN.find((known) => known === code) ?? "unknown" };
}
