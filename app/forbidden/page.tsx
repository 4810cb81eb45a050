import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
        <h1 className="text-lg font-semibold">Your role does not give access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">If you need it for your work, ask an admin to change your role.</p>
        <Link href="/processes" className="mt-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">
          Back to the processes
        </Link>
      </section>
    </main>
  );
}
