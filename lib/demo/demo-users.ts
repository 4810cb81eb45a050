import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import type { StaffRole } from "../auth/permissions";

export interface DemoLogin {
  email: string;
  role: StaffRole;
  password: string;
}

/** Demo users' emails end with `@demo.desk`; outside demo mode `npm start` refuses to run while one is active. */
export const DEMO_EMAIL_DOMAIN = "demo.desk";

/** One user per role, and a second compliance officer so that four-eyes review can be tried. */
const DEMO_USERS: { email: string; name: string; role: StaffRole }[] = [
  { email: "support@demo.desk", name: "Sam Support", role: "support" },
  { email: "compliance@demo.desk", name: "Cora Compliance", role: "compliance" },
  { email: "compliance2@demo.desk", name: "Cato Second-Reviewer", role: "compliance" },
  { email: "admin@demo.desk", name: "Ada Admin", role: "admin" },
];

export function makeDemoPasswords(): Record<string, string> {
  return Object.fromEntries(DEMO_USERS.map((u) => [u.email, `demo-${randomBytes(9).toString("base64url")}`]));
}

/**
 * Demo mode only (the bundled simulator with the embedded database, or DEMO_DATA=on): creates the demo
 * users that do not exist yet with the given passwords, and answers those it created (their passwords
 * are shown once, when made). Existing users are left as they are.
 */
export async function ensureDemoUsers(db: Db, passwords: Record<string, string>): Promise<DemoLogin[]> {
  const created: DemoLogin[] = [];
  for (const user of DEMO_USERS) {
    const password = passwords[user.email];
    if (!password) throw new Error(`no demo password for ${user.email}`);
    const [row] = await db
      .insert(staffUsers)
      .values({ ...user, passwordHash: await hashPassword(password) })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id });
    if (row) {
      await recordAudit(db, { id: null, email: "npm start", role: "system" }, {
        action: "staff.create",
        target: row.id,
        details: { email: user.email, role: user.role, demo: true },
      });
      created.push({ email: user.email, role: user.role, password });
    }
  }
  return created;
}

/** Active users with a demo email: outside demo mode their known passwords would let anyone in. */
export async function activeDemoUsers(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), like(staffUsers.email, `%@${DEMO_EMAIL_DOMAIN}`)))
    .orderBy(staffUsers.email);
  return rows.map((r) => r.email);
}

/** What `npm start` says when it refuses to run outside demo mode with demo users active. */
export function demoUsersRefusal(emails: string[]): string {
  return [
    `Refusing to start: demo users are active (${emails.join(", ")}) and the desk is not in demo mode.`,
    "Their passwords were printed and kept in a file for the demo; on a real desk they would let anyone in.",
    "Make your own admin first, then deactivate the demo users:",
    '  npm run staff:add -- --email you@example.com --name "Your Name" --role admin',
    "  npm run staff:deactivate -- --demo",
  ].join("\n");
}
