import { cookies } from "next/headers";
import { csrfCookieName, signOutCsrfToken } from "@/lib/auth/sign-out-token";

interface UserMenuProps {
  name: string;
  role: string;
}

/**
 * Rendered on the server: signing out is a plain form POST to next-auth's sign-out endpoint with its CSRF
 * token, so no page of the desk loads next-auth's client for one button.
 */
export async function UserMenu({ name, role }: UserMenuProps) {
  const csrfToken = signOutCsrfToken((await cookies()).get(csrfCookieName())?.value, process.env.NEXTAUTH_SECRET);
  return (
    <div className="flex flex-col gap-1 border-t border-slate-200 px-3 pt-3 text-sm">
      <span className="font-medium">{name}</span>
      <span className="text-xs text-slate-600">{role}</span>
      <form method="post" action="/api/auth/signout" className="mt-1">
        {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
        <input type="hidden" name="callbackUrl" value="/sign-in" />
        <button type="submit" className="self-start text-sm text-sky-800 underline">
          Sign out
        </button>
      </form>
    </div>
  );
}
