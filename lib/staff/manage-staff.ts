import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client";
import { STAFF_ROLES, staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { hashPassword, passwordProblem } from "../auth/password";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../parse-input";

const password = z.string().superRefine((value, issue) => {
  const problem = passwordProblem(value);
  if (problem) issue.addIssue({ code: "custom", message: problem });
});

const CreateInput = z.object({
  email: z.email().trim().toLowerCase().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  password: password.optional(),
});

const UpdateInput = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(STAFF_ROLES).optional(),
  active: z.boolean().optional(),
});

const ResetInput = z.object({ userId: z.string().min(1).max(100), password });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseInput(schema, input, "Invalid staff user");
}

export async function createStaffUser(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "desk.admin");
  const data = parse(CreateInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({ email: data.email, name: data.name, role: data.role, passwordHash })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role });
    if (!created) throw new Conflict(`A staff user with the email ${data.email} exists already`, { code: "emailTaken", values: { email: data.email } });
    await recordAudit(tx, actorOf(ctx), { action: "staff.create", target: created.id, details: { email: data.email, role: data.role } });
    return created;
  });
}

/** The desk must keep one active admin: otherwise nobody could manage users or retry again. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true), ne(staffUsers.id, userId)))
    .for("update");
  if (others.length === 0) throw new Conflict("This is the last active admin: make another admin first", { code: "lastAdmin" });
}

export async function updateStaffUser(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "desk.admin");
  const data = parse(UpdateInput, input);
  return ctx.db.transaction(async (tx) => {
    // Lock the admins first, in one order, so two admins demoting each other at once cannot both pass.
    await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "admin")).orderBy(staffUsers.id).for("update");
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, data.userId)).for("update");
    if (!user) throw new NotFound("No such staff user", { code: "noStaffUser" });
    const losesAdmin = user.role === "admin" && user.active && ((data.role && data.role !== "admin") || data.active === false);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, user.id);
    const changes = { role: data.role ?? user.role, active: data.active ?? user.active };
    await tx
      .update(staffUsers)
      .set({ ...changes, updatedAt: sql`now()`, sessionsValidAfter: sql`now()` })
      .where(eq(staffUsers.id, user.id));
    await recordAudit(tx, actorOf(ctx), {
      action: "staff.update",
      target: user.id,
      details: { email: user.email, from: { role: user.role, active: user.active }, to: changes },
    });
    return { id: user.id, ...changes };
  });
}

export async function resetStaffPassword(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "desk.admin");
  const data = parse(ResetInput, input);
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(staffUsers)
      .set({ passwordHash, updatedAt: sql`now()`, sessionsValidAfter: sql`now()` })
      .where(eq(staffUsers.id, data.userId))
      .returning({ id: staffUsers.id, email: staffUsers.email });
    if (!user) throw new NotFound("No such staff user", { code: "noStaffUser" });
    await recordAudit(tx, actorOf(ctx), { action: "staff.reset_password", target: user.id, details: { email: user.email } });
  });
}

export async function listStaffUsers(ctx: Ctx) {
  requireCapability(ctx, "desk.admin");
  return ctx.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      active: staffUsers.active,
      lastSignInAt: staffUsers.lastSignInAt,
      sso: sql<boolean>`${staffUsers.ssoSubject} is not null`,
      ssoAllowed: staffUsers.ssoAllowed,
    })
    .from(staffUsers)
    .orderBy(staffUsers.email);
}
