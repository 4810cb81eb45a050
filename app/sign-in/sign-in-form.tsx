"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { describeSignInError, type SignInError } from "./describe-sign-in-error";

interface SignInFormProps {
  callbackUrl: string;
  initialError: string | null;
  sso: boolean;
}

export function SignInForm({ callbackUrl, initialError, sso }: SignInFormProps) {
  const t = useTranslations("SignIn");
  const [failure, setError] = useState<SignInError | null>(describeSignInError(initialError));
  const error = failure && t(`errors.${failure.key}`, failure.values);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(describeSignInError(result?.error ?? "unknown"));
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby={error ? "sign-in-error" : undefined}>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("email")}
          <input name="email" type="email" autoComplete="username" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
        </label>
        {error && (
          <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          onClick={() => void signIn("oidc", { callbackUrl })}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t("sso")}
        </button>
      )}
    </div>
  );
}
