"use client";

import { useActionState, type ReactNode } from "react";
import { addNoteAction } from "../actions";

interface DossierNotesProps {
  dossierId: string;
  /** Each note as typed, with its byline ("Cora Compliance (compliance), 2 Dec 2026, 13:07") written by the server. */
  notes: { id: number; body: string; byline: ReactNode }[];
  /** The words, translated by the server (page.tsx): this code carries no messages. */
  words: Record<"heading" | "newNote" | "placeholder" | "add" | "none", string>;
}

export function DossierNotes({ dossierId, notes, words }: DossierNotesProps) {
  const [result, action, pending] = useActionState(addNoteAction, null);
  return (
    <section aria-labelledby="notes-heading" className="flex flex-col gap-3">
      <h2 id="notes-heading" className="text-base font-semibold">{words.heading}</h2>
      <form action={action} className="flex flex-col gap-2">
        <input type="hidden" name="dossierId" value={dossierId} />
        <label htmlFor="note-body" className="sr-only">{words.newNote}</label>
        <textarea id="note-body" name="body" required maxLength={4000} rows={2} placeholder={words.placeholder} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <div className="flex items-center gap-3">
          <button disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{words.add}</button>
          {result && <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>{result.message}</span>}
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">{words.none}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p className="whitespace-pre-wrap">{note.body}</p>
              <p className="mt-1 text-xs text-slate-600">{note.byline}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
