"use server";

import { getTranslations } from "next-intl/server";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { createStaffUser, resetStaffPassword, updateStaffUser } from "@/lib/staff/manage-staff";
import { clearSignInHolds } from "@/lib/staff/sign-in-holds";
import { setStaffSso } from "@/lib/staff/staff-sso";
import { explainAdminFailure } from "../explain-failure";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** Who asks, what a success says and how a failure is told, in the viewer's language. */
const prepare = () => Promise.all([getCtx(), getTranslations("Staff.done"), explainAdminFailure()]);

export async function createStaffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const user = await createStaffUser(ctx, { email: text(form, "email"), name: text(form, "name"), role: text(form, "role"), password: text(form, "password") });
      return done("created", { email: user.email });
    },
    "/admin/staff",
    explain,
  );
}

export async function updateStaffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const active = text(form, "active");
      await updateStaffUser(ctx, { userId: text(form, "userId"), role: text(form, "role"), active: active === undefined ? undefined : active === "true" });
      return done("saved");
    },
    "/admin/staff",
    explain,
  );
}

export async function resetPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      await resetStaffPassword(ctx, { userId: text(form, "userId"), password: text(form, "password") });
      return done("passwordReset");
    },
    "/admin/staff",
    explain,
  );
}

export async function setSsoAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const allowed = text(form, "allowed");
      const user = await setStaffSso(ctx, { userId: text(form, "userId"), allowed: allowed === undefined ? undefined : allowed === "true" });
      return done(user.ssoAllowed ? "ssoAllowed" : "ssoDisallowed");
    },
    "/admin/staff",
    explain,
  );
}

export async function clearSignInHoldsAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const [ctx, done, explain] = await prepare();
  return runAction(
    async () => {
      const userId = text(form, "userId");
      await clearSignInHolds(ctx, userId ? { userId } : { address: text(form, "address") });
      return done("holdCleared");
    },
    "/admin/staff",
    explain,
  );
}
