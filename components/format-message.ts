/**
 * Formats a message in client components that get their words as props from the server, where a count is
 * only known in the browser ("3 new", a bulk retry's progress). next-intl's formatter would bring its ICU
 * runtime into the lists' first-load JavaScript, so this reads the two forms those messages use: `{name}` and
 * `{name, plural, =0 {…} one {…} other {…}}`, with `#` for the count written in the viewer's locale (the
 * plural category is the browser's own `Intl.PluralRules`). Anything else is left as written.
 * `format-message.test.ts` checks it against next-intl on every message formatted with it, in each language.
 */
export function formatMessage(message: string, values: Readonly<Record<string, string | number>>, locale: string): string {
  return formatPart(message, values, locale, null);
}

/** The index of the `}` that closes the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function formatPart(text: string, values: Readonly<Record<string, string | number>>, locale: string, count: number | null): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    const plain = text.slice(i, open < 0 ? text.length : open);
    // `#` stands for the count in a plural's branch, not in the arguments inside it.
    out += count === null ? plain : plain.replaceAll("#", new Intl.NumberFormat(locale).format(count));
    if (open < 0) break;
    const close = closing(text, open);
    if (close < 0) return out + text.slice(open);
    out += argument(text.slice(open + 1, close), values, locale) ?? text.slice(open, close + 1);
    i = close + 1;
  }
  return out;
}

/** One `{…}`: a value, or the branch of a plural that fits the count; null when it is neither. */
function argument(inner: string, values: Readonly<Record<string, string | number>>, locale: string): string | null {
  const simple = /^\s*(\w+)\s*$/.exec(inner);
  // As next-intl: a value is written as given (format numbers before), only `#` in the locale.
  if (simple) return simple[1]! in values ? String(values[simple[1]!]) : null;
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) return null;
  const count = Number(values[plural[1]!]);
  if (!Number.isFinite(count)) return null;
  const branches = new Map<string, string>();
  const rest = inner.slice(plural[0].length);
  let i = 0;
  while (i < rest.length) {
    const selector = /^\s*([=\w]+)\s*/.exec(rest.slice(i));
    if (!selector) break;
    const open = i + selector[0].length;
    if (rest[open] !== "{") break;
    const close = closing(rest, open);
    if (close < 0) return null;
    branches.set(selector[1]!, rest.slice(open + 1, close));
    i = close + 1;
  }
  const branch = branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get("other");
  return branch === undefined ? null : formatPart(branch, values, locale, count);
}
