import { useFormatter, useTranslations } from "next-intl";
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

/** A row's state in the page's language (the URL and the database keep the code). */
export function InboxStateBadge({ state }: { state: InboxState }) {
  const t = useTranslations("Inbox.states");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[state]}`}>
      {t(state)}
    </span>
  );
}

interface InboxStateTabsProps {
  counts: InboxCounts;
  current?: InboxState;
}

/** One link per state with its count; the current one is marked for screen readers too. */
export function InboxStateTabs({ counts, current }: InboxStateTabsProps) {
  const t = useTranslations("Inbox");
  const format = useFormatter();
  const tabs: { state?: InboxState; label: string; count?: string }[] = [
    { label: t("all") },
    ...INBOX_STATES.map((state) => ({
      state,
      label: t(`states.${state}`),
      // Done rows are counted up to a cap.
      count: `${format.number(counts.byState[state])}${state === "done" && counts.doneCapped ? "+" : ""}`,
    })),
  ];
  return (
    <nav aria-label={t("tabs")}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const active = tab.state === current;
          return (
            <li key={tab.state ?? "all"}>
              <Link
                href={inboxHref({ state: tab.state })}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${
                  active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white hover:bg-slate-100"
                }`}
              >
                {/* The first letter only: a state of two words ("under behandling") keeps its second in lower case. */}
                <span className="inline-block first-letter:uppercase">{tab.label}</span>
                {tab.count !== undefined && <span className={active ? "text-slate-200" : "text-slate-600"}>{tab.count}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
