import type { ProcessStatus } from "@/lib/assure/values";

const STYLES: Record<ProcessStatus, string> = {
  pending: "bg-slate-100 text-slate-700 ring-slate-300",
  processing: "bg-sky-50 text-sky-800 ring-sky-300",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  rejected: "bg-red-50 text-red-800 ring-red-300",
  inconclusive: "bg-amber-50 text-amber-900 ring-amber-300",
  canceled: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  failed: "bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-300",
};

export function StatusBadge({ status }: { status: ProcessStatus }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {status}
    </span>
  );
}
