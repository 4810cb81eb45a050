import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { safeCallback } from "@/lib/auth/safe-callback";
import { getEnv } from "@/lib/config";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const env = getEnv();
  const [t, messages] = await Promise.all([getTranslations("SignIn"), getMessages()]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section aria-labelledby="sign-in-heading" className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="sign-in-heading" className="text-lg font-semibold">{t("product")}</h1>
        <p className="mb-4 text-sm text-slate-600">{t("subtitle")}</p>
        {/* The form translates its own errors (a wait in seconds comes back from the server): it gets only its namespace. */}
        <NextIntlClientProvider messages={{ SignIn: messages.SignIn }}>
          <SignInForm
            callbackUrl={safeCallback(params.callbackUrl, env.NEXTAUTH_URL ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT}`)}
            initialError={typeof params.error === "string" ? params.error : null}
            sso={Boolean(env.OIDC_ISSUER)}
          />
        </NextIntlClientProvider>
      </section>
    </main>
  );
}
