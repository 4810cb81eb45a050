import { useFormatter, useTranslations } from "next-intl";
import type { SyncWords } from "./format-sync";

/** The sync page's units and numbers in the viewer's language, for its server components. */
export function useSyncWords(): SyncWords {
  const t = useTranslations("Sync.units");
  const format = useFormatter();
  return { units: (key, values) => t(key, values), number: (value) => format.number(value) };
}
