import type { Metadata } from "next";
import { safeCallback } from "@/lib/auth/safe-callback";
import { getEnv } from "@/lib/config";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const env = getEnv();
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section aria-labelledby="sign-in-heading" className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="sign-in-heading" className="text-lg font-semibold">Assure Review Desk</h1>
        <p className="mb-4 text-sm text-slate-600">Staff sign-in</p>
        <SignInForm
          callbackUrl={safeCallback(params.callbackUrl, env.NEXTAUTH_URL ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT}`)}
          initialError={typeof params.error === "string" ? params.error : null}
          sso={Boolean(env.OIDC_ISSUER)}
        />
      </section>
    </main>
  );
}
