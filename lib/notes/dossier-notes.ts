import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { dossierNotes, dossiers, staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { publishDeskEvent } from "../events/publish-event";

const NoteInput = z.object({
  dossierId: z.string().min(1).max(200),
  body: z.string().trim().min(1, "the note is empty").max(4_000, "a note holds at most 4,000 characters"),
});

export async function addDossierNote(ctx: Ctx, input: unknown) {
  const user = requireCapability(ctx, "notes.write");
  const { dossierId, body } = parseInput(NoteInput, input, "Invalid note", "invalidNote");
  return ctx.db.transaction(async (tx) => {
    const [dossier] = await tx.select({ id: dossiers.dossierId }).from(dossiers).where(eq(dossiers.dossierId, dossierId));
    if (!dossier) throw new NotFound("No such dossier", { code: "noSuchDossier" });
    const [note] = await tx.insert(dossierNotes).values({ dossierId, body, authorId: user.id }).returning();
    // The note's text is the author's words about an end-user: the audit says a note was added, not what.
    await publishDeskEvent(tx, { kind: "note", dossierId });
    await recordAudit(tx, actorOf(ctx), { action: "note.add", dossierId, target: String(note!.id), details: { length: body.length } });
    return note!;
  });
}

export async function listDossierNotes(ctx: Ctx, dossierId: string) {
  requireCapability(ctx, "processes.read");
  return ctx.db
    .select({ id: dossierNotes.id, body: dossierNotes.body, createdAt: dossierNotes.createdAt, author: staffUsers.name, authorRole: staffUsers.role })
    .from(dossierNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, dossierNotes.authorId))
    .where(eq(dossierNotes.dossierId, dossierId))
    .orderBy(desc(dossierNotes.createdAt));
}
