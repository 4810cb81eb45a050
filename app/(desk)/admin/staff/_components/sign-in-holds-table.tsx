import { LocalTime } from "@/components/local-time";
import type { AccountHold, AddressHold } from "@/lib/staff/sign-in-holds";
import { ClearHoldButton } from "./clear-hold-button";

interface SignInHoldsTableProps {
  accounts: AccountHold[];
  addresses: AddressHold[];
}

const until = (at: Date | null) => (at && at.getTime() > Date.now() ? <LocalTime at={at} /> : "may try again");

/** Who the sign-in throttle is holding back (lib/auth/throttle.ts), for an admin to let in again. */
export function SignInHoldsTable({ accounts, addresses }: SignInHoldsTableProps) {
  return (
    <section aria-labelledby="holds-heading" className="flex flex-col gap-2">
      <h2 id="holds-heading" className="text-base font-semibold">Held-back sign-ins</h2>
      {accounts.length === 0 && addresses.length === 0 ? (
        <p className="text-sm text-slate-600">No account or address is held back after failed sign-ins.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Account or address</th>
                <th scope="col" className="px-3 py-2">From</th>
                <th scope="col" className="px-3 py-2">Failures</th>
                <th scope="col" className="px-3 py-2">Held until</th>
                <th scope="col" className="px-3 py-2">Let in</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((hold) => (
                <tr key={hold.userId}>
                  <td className="px-3 py-2">{hold.email}</td>
                  <td className="px-3 py-2">{hold.addresses.join(", ")}</td>
                  <td className="px-3 py-2">{hold.failures}</td>
                  <td className="whitespace-nowrap px-3 py-2">{until(hold.heldUntil)}</td>
                  <td className="px-3 py-2"><ClearHoldButton userId={hold.userId} label={`Clear ${hold.email}`} /></td>
                </tr>
              ))}
              {addresses.map((hold) => (
                <tr key={hold.address}>
                  <td className="px-3 py-2">every account</td>
                  <td className="px-3 py-2">{hold.address}</td>
                  <td className="px-3 py-2">{hold.failures}</td>
                  <td className="whitespace-nowrap px-3 py-2">{until(hold.heldUntil)}</td>
                  <td className="px-3 py-2"><ClearHoldButton address={hold.address} label={`Clear ${hold.address}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
