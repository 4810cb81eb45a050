import type { Metadata } from "next";
import Link from "next/link";
import { getCtx } from "@/lib/server/session";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the desk does not know: its own page, with the way back that fits the visitor. */
export default async function NotFound() {
  const { user } = await getCtx();
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section aria-labelledby="not-found-heading" className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
        <p className="text-sm font-medium text-slate-600">Assure Review Desk</p>
        <h1 id="not-found-heading" className="mt-1 text-lg font-semibold">There is no page at this address</h1>
        <p className="mt-2 text-sm text-slate-600">The link may be mistyped or out of date.</p>
        <Link
          href={user ? "/processes" : "/sign-in"}
          className="mt-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white"
        >
          {user ? "Back to the processes" : "Sign in"}
        </Link>
      </section>
    </main>
  );
}
