import Link from "next/link";

export default function ProcessNotFound() {
  return (
    <div role="alert" className="rounded-md border border-slate-300 bg-white p-6">
      <h1 className="text-lg font-semibold">No such process</h1>
      <p className="mt-1 text-sm text-slate-700">
        The desk holds no process with this id in this dossier. It may not have been synced yet, or the link is wrong.
      </p>
      <Link href="/processes" className="mt-3 inline-block text-sm text-sky-800 underline">
        Back to the processes
      </Link>
    </div>
  );
}
