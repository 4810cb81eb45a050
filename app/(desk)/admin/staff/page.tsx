import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { StaffRole } from "@/lib/auth/permissions";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { getStaffPage } from "@/lib/staff/get-staff-page";
import { SignInHoldsTable } from "./_components/sign-in-holds-table";
import { CreateStaffForm, StaffRowForms } from "./_components/staff-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Staff"))("title") };
}

export default async function StaffPage() {
  const ctx = await requirePage("desk.admin", "/admin/staff");
  const [{ users, holds }, t, roles, messages] = await Promise.all([loadPage(getStaffPage(ctx)), getTranslations("Staff"), getTranslations("Desk.roles"), getMessages()]);
  // The forms are client code: they take their words from here, with no message formatter in the browser.
  const words = { ...messages.Staff.forms, roles: messages.Desk.roles };
  return (
    <section aria-labelledby="staff-heading" className="flex flex-col gap-4">
      <h1 id="staff-heading" className="text-xl font-semibold">{t("heading")}</h1>
      <CreateStaffForm words={words} />
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.name")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.email")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.role")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.state")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.lastSignIn")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.change")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} className={user.active ? "" : "text-slate-500"}>
                <td className="px-3 py-2">{user.name}</td>
                <td className="px-3 py-2">{user.email}{user.sso && <span className="ml-1 text-xs text-slate-500">{t("sso")}</span>}</td>
                <td className="px-3 py-2">{roles(user.role as StaffRole)}</td>
                <td className="px-3 py-2">{user.active ? t("active") : t("deactivated")}</td>
                <td className="whitespace-nowrap px-3 py-2">{user.lastSignInAt ? <LocalTime at={user.lastSignInAt} /> : t("never")}</td>
                <td className="px-3 py-2"><StaffRowForms userId={user.id} role={user.role} active={user.active} ssoAllowed={user.ssoAllowed} words={words} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SignInHoldsTable accounts={holds.accounts} addresses={holds.addresses} />
    </section>
  );
}
