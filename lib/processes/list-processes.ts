import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { processes } from "../../db/schema";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";

export const ListProcessesInput = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque keyset cursor from a previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
export type ListProcessesInput = z.input<typeof ListProcessesInput>;

export interface ProcessListItem {
  processId: string;
  dossierId: string;
  status: (typeof processes.status.enumValues)[number];
  processType: string | null;
  documentType: string | null;
  firstName: string | null;
  lastName: string | null;
  issuingCountry: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProcessPage {
  items: ProcessListItem[];
  nextCursor: string | null;
}

/**
 * The newest processes first, by Assure's `updatedAt` with the process id as tie-break, a page at a
 * time by keyset (no OFFSET): every page costs the same however deep it is.
 */
export async function listProcesses(db: Db, input: ListProcessesInput = {}): Promise<ProcessPage> {
  const { limit, cursor } = ListProcessesInput.parse(input);
  const conditions: SQL[] = [];
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push(
      or(
        lt(processes.updatedAt, after.at),
        and(eq(processes.updatedAt, after.at), lt(processes.processId, after.id)),
      )!,
    );
  }
  const rows = await db
    .select({
      processId: processes.processId,
      dossierId: processes.dossierId,
      status: processes.status,
      processType: processes.processType,
      documentType: processes.documentType,
      firstName: processes.firstName,
      lastName: processes.lastName,
      issuingCountry: processes.issuingCountry,
      createdAt: processes.createdAt,
      updatedAt: processes.updatedAt,
    })
    .from(processes)
    .where(and(...conditions))
    .orderBy(desc(processes.updatedAt), desc(processes.processId))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.updatedAt, id: last.processId }) : null };
}
