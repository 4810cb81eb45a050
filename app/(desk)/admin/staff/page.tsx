import { LocalTime } from "@/components/local-time";
import type { Metadata } from "next";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { getStaffPage } from "@/lib/staff/get-staff-page";
import { SignInHoldsTable } from "./_components/sign-in-holds-table";
import { CreateStaffForm, StaffRowForms } from "./_components/staff-forms";

export const metadata: Metadata = { title: "Staff users" };

export default async function StaffPage() {
  const ctx = await requirePage("desk.admin", "/admin/staff");
  const { users, holds } = await loadPage(getStaffPage(ctx));
  return (
    <section aria-labelledby="staff-heading" className="flex flex-col gap-4">
      <h1 id="staff-heading" className="text-xl font-semibold">Staff users</h1>
      <CreateStaffForm />
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">State</th>
              <th scope="col" className="px-3 py-2">Last sign-in</th>
              <th scope="col" className="px-3 py-2">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} className={user.active ? "" : "text-slate-500"}>
                <td className="px-3 py-2">{user.name}</td>
                <td className="px-3 py-2">{user.email}{user.sso && <span className="ml-1 text-xs text-slate-500">(SSO)</span>}</td>
                <td className="px-3 py-2">{user.role}</td>
                <td className="px-3 py-2">{user.active ? "active" : "deactivated"}</td>
                <td className="whitespace-nowrap px-3 py-2">{user.lastSignInAt ? <LocalTime at={user.lastSignInAt} /> : "never"}</td>
                <td className="px-3 py-2"><StaffRowForms userId={user.id} role={user.role} active={user.active} ssoAllowed={user.ssoAllowed} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SignInHoldsTable accounts={holds.accounts} addresses={holds.addresses} />
    </section>
  );
}
