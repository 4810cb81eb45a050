import type { Db } from "../../db/client";
import type { AuditActor } from "../audit/record-audit";
import { Forbidden, Unauthenticated } from "../errors";
import { can, type Capability } from "./permissions";
import type { StaffIdentity } from "./sign-in";

/** Who is asking, and through which database: the first argument of every service verb. */
export interface Ctx {
  db: Db;
  user: StaffIdentity | null;
  address?: string | null;
}

/** The guard at the top of every verb: signed in, and allowed by the permission matrix. */
export function requireCapability(ctx: Ctx, capability: Capability): StaffIdentity {
  if (!ctx.user) throw new Unauthenticated("Sign in first", { text: { code: "signIn" } });
  if (!can(ctx.user.role, capability)) throw new Forbidden(`Your role (${ctx.user.role}) may not do this`, { text: { code: "forbidden", values: { role: ctx.user.role } } });
  return ctx.user;
}

export function actorOf(ctx: Ctx): AuditActor {
  return { id: ctx.user?.id ?? null, email: ctx.user?.email ?? null, role: ctx.user?.role ?? null, address: ctx.address ?? null };
}
