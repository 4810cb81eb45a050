import type { StaffPreferences } from "@/lib/staff/preferences";
import { getTranslations } from "next-intl/server";
import { chooseDisplayAction } from "../preferences/actions";

interface DisplayChoicesProps {
  preferences: StaffPreferences;
}

interface ChoiceGroupProps {
  label: string;
  name: "colorScheme" | "listDensity";
  current: string;
  options: { value: string; label: string }[];
}

/** One row of buttons; the pressed one is the choice in force. A plain form: no client script. */
function ChoiceGroup({ label, name, current, options }: ChoiceGroupProps) {
  return (
    <form action={chooseDisplayAction} className="flex flex-col gap-1">
      <span id={`display-${name}`} className="text-xs text-slate-600">{label}</span>
      <div role="group" aria-labelledby={`display-${name}`} className="flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
        {options.map((option) => (
          <button
            key={option.value}
            type="submit"
            name={name}
            value={option.value}
            aria-pressed={option.value === current}
            className="flex-1 rounded px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white"
          >
            {option.label}
          </button>
        ))}
      </div>
    </form>
  );
}

/** How the desk looks to this user: colour scheme and list density, stored with the user (lib/staff/preferences.ts). */
export async function DisplayChoices({ preferences }: DisplayChoicesProps) {
  const t = await getTranslations("DisplayChoices");
  return (
    <div className="flex flex-col gap-2 px-3">
      <ChoiceGroup
        label={t("colorScheme")}
        name="colorScheme"
        current={preferences.colorScheme ?? "system"}
        options={[
          { value: "light", label: t("light") },
          { value: "dark", label: t("dark") },
          { value: "system", label: t("system") },
        ]}
      />
      <ChoiceGroup
        label={t("listRows")}
        name="listDensity"
        current={preferences.listDensity ?? "comfortable"}
        options={[
          { value: "comfortable", label: t("comfortable") },
          { value: "compact", label: t("compact") },
        ]}
      />
    </div>
  );
}
