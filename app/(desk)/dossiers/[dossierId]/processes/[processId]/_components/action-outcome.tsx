import type { ActionResult } from "@/lib/server/action-result";

export function ActionOutcome({ result }: { result: ActionResult }) {
  if (!result) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
      {result.message}
    </p>
  );
}
