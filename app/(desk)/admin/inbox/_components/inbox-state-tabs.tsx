import Link from "next/link";
import { INBOX_STATES, type InboxCounts, type InboxState } from "@/lib/webhooks/list-inbox";
import { inboxHref } from "../search-params";

const STATE_STYLES: Record<InboxState, string> = {
  received: "bg-sky-50 text-sky-800 ring-sky-300",
  processing: "bg-indigo-50 text-indigo-800 ring-indigo-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-amber-50 text-amber-900 ring-amber-300",
  dead: "bg-red-50 text-red-800 ring-red-300",
};

export function InboxStateBadge({ state }: { state: InboxState }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[state]}`}>
      {state}
    </span>
  );
}

interface InboxStateTabsProps {
  counts: InboxCounts;
  current?: InboxState;
}

/** One link per state with its count; the current one is marked for screen readers too. */
export function InboxStateTabs({ counts, current }: InboxStateTabsProps) {
  const tabs: { state?: InboxState; label: string; count?: string }[] = [
    { label: "All" },
    ...INBOX_STATES.map((state) => ({
      state,
      label: state,
      count:
        state === "done" && counts.doneCapped
          ? `${counts.byState.done.toLocaleString("en-GB")}+`
          : counts.byState[state].toLocaleString("en-GB"),
    })),
  ];
  return (
    <nav aria-label="Inbox states">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const active = tab.state === current;
          return (
            <li key={tab.label}>
              <Link
                href={inboxHref({ state: tab.state })}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${
                  active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white hover:bg-slate-100"
                }`}
              >
                <span className="capitalize">{tab.label}</span>
                {tab.count !== undefined && <span className={active ? "text-slate-200" : "text-slate-600"}>{tab.count}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
