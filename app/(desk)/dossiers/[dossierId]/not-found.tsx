import Link from "next/link";

export default function DossierNotFound() {
  return (
    <div role="alert" className="max-w-xl rounded-md border border-slate-300 bg-white p-6">
      <h1 className="text-lg font-semibold">No such dossier</h1>
      <p className="mt-1 text-sm text-slate-700">
        The desk holds no dossier with this id. It may not have been synced yet, or the link is wrong.
      </p>
      <Link href="/dossiers" className="mt-3 inline-block text-sm underline">Back to the dossiers</Link>
    </div>
  );
}
