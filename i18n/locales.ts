/**
 * The desk's languages: one file per language in `messages/`, listed at build time by next.config.js
 * (`DESK_LOCALES`), so a third language is a file and a rebuild, not a change of code.
 */
export const DEFAULT_LOCALE = "en";

export const LOCALES: readonly string[] = (process.env.DESK_LOCALES ?? DEFAULT_LOCALE).split(",").filter(Boolean);

export function hasLocale(locale: string | null | undefined, available: readonly string[] = LOCALES): locale is string {
  return typeof locale === "string" && available.includes(locale);
}

/**
 * Languages a browser names that the desk answers with a sibling it has: Norwegian in general (`no`) and
 * Nynorsk readers get Bokmål rather than English.
 */
const SIBLINGS: Record<string, string> = { no: "nb", nn: "nb" };

interface Wish {
  tag: string;
  q: number;
  order: number;
}

/** `nb-NO,nb;q=0.9,en;q=0.8` as wishes, best first; anything malformed is skipped, never thrown. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header || header.length > 1000) return [];
  const wishes: Wish[] = [];
  header.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase() ?? "";
    if (!/^([a-z]{1,8})(-[a-z0-9]{1,8})*$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      if (!/^\s*q\s*=/.test(param)) continue;
      const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/.exec(param);
      q = match ? Number(match[1]) : Number.NaN;
    }
    // A weight out of range or unreadable drops that entry alone.
    if (q > 0 && q <= 1) wishes.push({ tag, q, order });
  });
  return wishes.sort((a, b) => b.q - a.q || a.order - b.order).map((w) => w.tag);
}

/** The best of the desk's languages for an `Accept-Language` header, or null when none fits. */
export function matchAcceptLanguage(header: string | null | undefined, available: readonly string[] = LOCALES): string | null {
  for (const tag of parseAcceptLanguage(header)) {
    const exact = available.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const base = tag.split("-")[0] ?? "";
    const candidate = available.find((locale) => locale.toLowerCase() === base) ?? SIBLINGS[base];
    if (candidate && available.includes(candidate)) return candidate;
  }
  return null;
}

/** The user's stored choice when the desk has it, else the browser's best match, else English. */
export function resolveLocale(chosen: string | null | undefined, acceptLanguage: string | null | undefined, available: readonly string[] = LOCALES): string {
  if (hasLocale(chosen, available)) return chosen;
  return matchAcceptLanguage(acceptLanguage, available) ?? (available.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (available[0] ?? DEFAULT_LOCALE));
}
