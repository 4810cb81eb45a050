import "server-only";
import type { Db, Tx } from "../../db/client";
import { auditLog } from "../../db/schema";

export interface AuditActor {
  id: string | null;
  email: string | null;
  role: string | null;
  address?: string | null;
}

export interface AuditEntry {
  action: string;
  dossierId?: string | null;
  processId?: string | null;
  target?: string | null;
  /** What the action changed or used; never passwords, tokens or document images. */
  details?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the action it records. */
export async function recordAudit(tx: Db | Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    actorRole: actor.role,
    address: actor.address ?? null,
    action: entry.action,
    dossierId: entry.dossierId ?? null,
    processId: entry.processId ?? null,
    target: entry.target ?? null,
    details: entry.details ?? {},
  });
}
