interface TableSkeletonProps {
  rows?: number;
  columns?: number;
  /** What is loading, for screen readers (required: the caller knows the words in the page's language). */
  label: string;
}

/** The shape of a table while its rows stream in, so that the page does not jump when they arrive. */
export function TableSkeleton({ rows = 10, columns = 6, label }: TableSkeletonProps) {
  return (
    <div role="status" aria-live="polite" className="overflow-hidden rounded-md border border-slate-200 bg-white">
      <span className="sr-only">{label}</span>
      <div className="flex gap-4 border-b border-slate-200 bg-slate-50 px-3 py-2.5">
        {Array.from({ length: columns }, (_, i) => (
          <div key={i} className="h-3 flex-1 animate-pulse rounded bg-slate-200" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4 border-b border-slate-100 px-3 py-3 last:border-b-0">
          {Array.from({ length: columns }, (_, i) => (
            <div key={i} className="h-4 flex-1 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ))}
    </div>
  );
}
