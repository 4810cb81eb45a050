import { useFormatter, useNow, useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import type { AccountHold, AddressHold } from "@/lib/staff/sign-in-holds";
import { ClearHoldButton } from "./clear-hold-button";

interface SignInHoldsTableProps {
  accounts: AccountHold[];
  addresses: AddressHold[];
}

/** Who the sign-in throttle is holding back (lib/auth/throttle.ts), for an admin to let in again. */
export function SignInHoldsTable({ accounts, addresses }: SignInHoldsTableProps) {
  const t = useTranslations("Staff.holds");
  const format = useFormatter();
  // The request's time (i18n/request.ts), the same for every row.
  const now = useNow();
  const until = (at: Date | null) => (at && at > now ? <LocalTime at={at} /> : t("mayTryAgain"));
  const clear = (who: string) => ({ button: t("clear"), label: t("clearLabel", { who }) });
  return (
    <section aria-labelledby="holds-heading" className="flex flex-col gap-2">
      <h2 id="holds-heading" className="text-base font-semibold">{t("heading")}</h2>
      {accounts.length === 0 && addresses.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("who")}</th>
                <th scope="col" className="px-3 py-2">{t("from")}</th>
                <th scope="col" className="px-3 py-2">{t("failures")}</th>
                <th scope="col" className="px-3 py-2">{t("heldUntil")}</th>
                <th scope="col" className="px-3 py-2">{t("letIn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((hold) => (
                <tr key={hold.userId}>
                  <td className="px-3 py-2">{hold.email}</td>
                  <td className="px-3 py-2">{format.list(hold.addresses, { type: "unit" })}</td>
                  <td className="px-3 py-2">{format.number(hold.failures)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{until(hold.heldUntil)}</td>
                  <td className="px-3 py-2"><ClearHoldButton userId={hold.userId} words={clear(hold.email)} /></td>
                </tr>
              ))}
              {addresses.map((hold) => (
                <tr key={hold.address}>
                  <td className="px-3 py-2">{t("everyAccount")}</td>
                  <td className="px-3 py-2">{hold.address}</td>
                  <td className="px-3 py-2">{format.number(hold.failures)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{until(hold.heldUntil)}</td>
                  <td className="px-3 py-2"><ClearHoldButton address={hold.address} words={clear(hold.address)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
