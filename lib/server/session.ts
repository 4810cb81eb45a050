import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getDatabase } from "../../db";
import { staffUsers } from "../../db/schema";
import { authOptions, clientAddress } from "../auth/auth-options";
import type { Ctx } from "../auth/context";
import { can, type Capability } from "../auth/permissions";

/**
 * The context of this request: the database and the signed-in staff member, read from the database by
 * the session's user id (so a deactivation or role change counts at once), or null.
 */
export async function getCtx(): Promise<Ctx> {
  // Per request, never at build time: who is asking decides what is rendered.
  await connection();
  const database = await getDatabase();
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  const address = clientAddress(await headers());
  if (!session?.uid) return { db: database.db, user: null, address };
  const [user] = await database.db
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.id, session.uid));
  if (!user?.active) return { db: database.db, user: null, address };
  return { db: database.db, user: { id: user.id, email: user.email, name: user.name, role: user.role }, address };
}

/** For pages: the context, after sending anonymous visitors to sign in and refusing other roles. */
export async function requirePage(capability: Capability, from: string): Promise<Ctx & { user: NonNullable<Ctx["user"]> }> {
  const ctx = await getCtx();
  if (!ctx.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(from)}`);
  if (!can(ctx.user.role, capability)) redirect(`/forbidden?need=${encodeURIComponent(capability)}`);
  return ctx as Ctx & { user: NonNullable<Ctx["user"]> };
}
