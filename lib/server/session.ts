import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getDatabase } from "../../db";
import { authOptions } from "../auth/auth-options";
import { clientAddress } from "../auth/client-address";
import type { Ctx } from "../auth/context";
import { can, type Capability } from "../auth/permissions";
import { getEnv } from "../config";
import { getSessionUser, type SessionClaims } from "../auth/session-user";

/**
 * The context of this request: the database and the signed-in staff member, read from the database by
 * the session's user id (so a deactivation, role change or password reset counts at once), or null.
 * Null makes pages send the visitor to sign in (requirePage, the desk layout) and verbs refuse
 * (Unauthenticated: 401 from route handlers, "Sign in first" from server actions).
 */
export async function getCtx(): Promise<Ctx> {
  // Per request, never at build time: who is asking decides what is rendered.
  await connection();
  const database = await getDatabase();
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  const address = clientAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS);
  const user = await getSessionUser(database.db, session, { maxHours: getEnv().SESSION_MAX_HOURS });
  return { db: database.db, user, address };
}

/** For pages: the context, after sending anonymous visitors to sign in and refusing other roles. */
export async function requirePage(capability: Capability, from: string): Promise<Ctx & { user: NonNullable<Ctx["user"]> }> {
  const ctx = await getCtx();
  if (!ctx.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  if (!can(ctx.user.role, capability)) redirect(`/forbidden?need=${encodeURIComponent(capability)}`);
  return ctx as Ctx & { user: NonNullable<Ctx["user"]> };
}
