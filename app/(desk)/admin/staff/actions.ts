"use server";

import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { createStaffUser, resetStaffPassword, updateStaffUser } from "@/lib/staff/manage-staff";
import { clearSignInHolds } from "@/lib/staff/sign-in-holds";
import { setStaffSso } from "@/lib/staff/staff-sso";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

export async function createStaffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const user = await createStaffUser(ctx, { email: text(form, "email"), name: text(form, "name"), role: text(form, "role"), password: text(form, "password") });
    return `Created ${user.email}.`;
  }, "/admin/staff");
}

export async function updateStaffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const active = text(form, "active");
    await updateStaffUser(ctx, { userId: text(form, "userId"), role: text(form, "role"), active: active === undefined ? undefined : active === "true" });
    return "Saved.";
  }, "/admin/staff");
}

export async function resetPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    await resetStaffPassword(ctx, { userId: text(form, "userId"), password: text(form, "password") });
    return "Password reset; the user's sessions have ended.";
  }, "/admin/staff");
}

export async function setSsoAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const allowed = text(form, "allowed");
    const user = await setStaffSso(ctx, { userId: text(form, "userId"), allowed: allowed === undefined ? undefined : allowed === "true" });
    return user.ssoAllowed ? "SSO allowed." : "SSO not allowed; the user's sessions have ended.";
  }, "/admin/staff");
}

export async function clearSignInHoldsAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const userId = text(form, "userId");
    await clearSignInHolds(ctx, userId ? { userId } : { address: text(form, "address") });
    return "Cleared: sign-ins are no longer held back.";
  }, "/admin/staff");
}
