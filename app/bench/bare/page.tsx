import { notFound } from "next/navigation";

export const metadata = { title: "Bare page" };

/**
 * The framework's floor for bench/bundle.ts: a page with no client component of ours under the root layout,
 * so that its first-load JavaScript is what Next.js and React cost. Linked from nowhere, and a 404 unless
 * the server was started with DESK_BENCH_ROUTES=1 (the benchmark's server).
 */
export default function BarePage() {
  if (process.env.DESK_BENCH_ROUTES !== "1") notFound();
  return <p>Bare page.</p>;
}
