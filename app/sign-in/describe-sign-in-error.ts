const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** next-auth's error codes (and ours, `locked:<seconds>`) in words a person can act on. */
export function describeSignInError(code: string | null): string | null {
  if (!code) return null;
  const locked = /^locked:(\d+)$/.exec(code);
  if (locked) {
    const seconds = Number(locked[1]);
    const wait = seconds >= 90 ? plural(Math.ceil(seconds / 60), "minute") : plural(seconds, "second");
    return `Too many failed attempts from here. Try again in ${wait}.`;
  }
  if (code === "CredentialsSignin") return "The email or password is wrong.";
  if (code === "NoStaffAccount") return "Your company account has no access to the desk yet: ask an admin.";
  if (code === "AccountDeactivated") return "Your desk account is deactivated: ask an admin.";
  if (code === "SsoNotAllowed") return "Your desk account does not allow company sign-in: ask an admin to allow SSO for it.";
  if (code === "EmailNotVerified") return "Your company account's email is not verified, so the desk cannot match it to your desk account.";
  if (code === "SessionRequired") return "Please sign in.";
  return "Sign-in failed. Please try again.";
}
