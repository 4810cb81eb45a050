import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { LOCALES } from "@/i18n/locales";
import { csrfCookieName, signOutCsrfToken } from "@/lib/auth/sign-out-token";
import type { StaffPreferences } from "@/lib/staff/preferences";

interface UserMenuProps {
  name: string;
  role: string;
  preferences: StaffPreferences | undefined;
  /** Saves the language and time zone (a server action of the desk's routes). */
  savePreferences: (form: FormData) => Promise<void>;
}

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs";

/** Each language in its own name ("norsk bokmål"), so that a reader finds theirs whatever the page's language. */
const ownName = (locale: string) => new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;

/**
 * Rendered on the server: signing out is a plain form POST to next-auth's sign-out endpoint with its CSRF
 * token, and the language and time zone a plain form to a server action, so no client code for either.
 */
export async function UserMenu({ name, role, preferences, savePreferences }: UserMenuProps) {
  const t = await getTranslations("UserMenu");
  const csrfToken = signOutCsrfToken((await cookies()).get(csrfCookieName())?.value, process.env.NEXTAUTH_SECRET);
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return (
    <div className="flex flex-col gap-1 border-t border-slate-200 px-3 pt-3 text-sm">
      <span className="font-medium">{name}</span>
      <span className="text-xs text-slate-600">{role}</span>
      <details className="text-xs">
        <summary className="cursor-pointer text-sky-800">{t("preferences")}</summary>
        <form action={savePreferences} className="mt-2 flex flex-col gap-2">
          <label className="flex flex-col gap-1">
            {t("language")}
            <select name="locale" defaultValue={preferences?.locale ?? ""} className={selectClass}>
              <option value="">{t("browserLanguage")}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>{ownName(l)}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            {t("timeZone")}
            <select name="timeZone" defaultValue={preferences?.timeZone ?? ""} className={selectClass}>
              <option value="">{t("browserTimeZone")}</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>{zone}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="self-start rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">
            {t("save")}
          </button>
        </form>
      </details>
      <form method="post" action="/api/auth/signout" className="mt-1">
        {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
        <input type="hidden" name="callbackUrl" value="/sign-in" />
        <button type="submit" className="self-start text-sm text-sky-800 underline">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
