"use client";

import { useActionState } from "react";
import type { Messages } from "@/components/labels";
import type { ActionResult } from "@/lib/server/action-result";
import { createStaffAction, resetPasswordAction, setSsoAction, updateStaffAction } from "../actions";

const ROLES = ["support", "compliance", "admin"] as const;

/** The forms' words in the page's language, from the server (this client code carries no message formatter). */
export type StaffFormWords = Messages["Staff"]["forms"] & { roles: Messages["Desk"]["roles"] };

function Outcome({ result }: { result: ActionResult }) {
  if (!result) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
      {result.message}
    </p>
  );
}

/** The roles by their code (what the form sends), each named in the page's language. */
function RoleOptions({ words }: { words: StaffFormWords }) {
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {words.roles[r]}
    </option>
  ));
}

export function CreateStaffForm({ words }: { words: StaffFormWords }) {
  const [result, action, pending] = useActionState(createStaffAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium">{words.email}</span>
        <input name="email" type="email" required className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium">{words.name}</span>
        <input name="name" required className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium">{words.role}</span>
        <select name="role" className="rounded-md border border-slate-300 px-2 py-1.5">
          <RoleOptions words={words} />
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium">{words.password}</span>
        <input name="password" type="password" autoComplete="new-password" minLength={12} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <button disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">{words.add}</button>
      <Outcome result={result} />
    </form>
  );
}

interface StaffRowFormsProps {
  userId: string;
  role: string;
  active: boolean;
  ssoAllowed: boolean;
  words: StaffFormWords;
}

export function StaffRowForms({ userId, role, active, ssoAllowed, words }: StaffRowFormsProps) {
  const [updated, update, updating] = useActionState(updateStaffAction, null);
  const [reset, resetAction, resetting] = useActionState(resetPasswordAction, null);
  const [sso, ssoAction, ssoPending] = useActionState(setSsoAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={update} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>{words.role}</label>
        <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 px-2 py-1">
          <RoleOptions words={words} />
        </select>
        <button disabled={updating} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">{words.setRole}</button>
      </form>
      <form action={update}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <button disabled={updating} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">{active ? words.deactivate : words.reactivate}</button>
      </form>
      <form action={resetAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`pw-${userId}`}>{words.newPassword}</label>
        <input id={`pw-${userId}`} name="password" type="password" autoComplete="new-password" minLength={12} placeholder={words.newPasswordPlaceholder} className="w-36 rounded-md border border-slate-300 px-2 py-1" />
        <button disabled={resetting} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">{words.reset}</button>
      </form>
      <form action={ssoAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="allowed" value={ssoAllowed ? "false" : "true"} />
        <button disabled={ssoPending} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">{ssoAllowed ? words.disallowSso : words.allowSso}</button>
      </form>
      <Outcome result={updated ?? reset ?? sso} />
    </div>
  );
}
