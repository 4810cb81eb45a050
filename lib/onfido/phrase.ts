/**
 * Words a lib module hands to the page without writing them: a message key (in the page's namespace, e.g.
 * `StatusExplanation`) and its arguments, some of which are phrases themselves. The page renders them in the
 * viewer's language; Onfido's and Assure's own values travel as plain strings and are shown as they are.
 */
export interface Phrase<K extends string = string> {
  key: K;
  values?: Readonly<Record<string, PhraseArg<K>>>;
}

export type PhraseArg<K extends string = string> = string | number | Phrase<K>;

/** A translator of one namespace: next-intl's `t` (or `t.markup`) bound to the phrases' keys. */
export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

const isPhrase = <K extends string>(arg: PhraseArg<K>): arg is Phrase<K> => typeof arg === "object";

/** A phrase's arguments with the nested phrases written out, for `t` or `t.rich` of the phrase itself. */
export function phraseValues<K extends string>(phrase: Phrase<K>, t: Translate<K>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(phrase.values ?? {})) values[name] = isPhrase(arg) ? phraseText(arg, t) : arg;
  return values;
}

export function phraseText<K extends string>(phrase: Phrase<K>, t: Translate<K>): string {
  return t(phrase.key, phraseValues(phrase, t));
}
