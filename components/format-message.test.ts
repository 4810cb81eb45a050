import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { formatMessage } from "./format-message";

/**
 * The namespaces whose words client components format themselves: every message in them must come out as
 * next-intl would write it, in every language, for the counts that pick each plural form.
 */
const CLIENT_FORMATTED = ["Live", "BulkRetry", "ImageViewer"] as const;
const LANGUAGES = [
  { messages: en, locale: "en", format: "en-GB" },
  { messages: nb, locale: "nb", format: "nb-NO" },
];

function leaves(value: unknown, prefix: string): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, `${prefix}.${key}`));
}

const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))];

describe("formatMessage", () => {
  it("reads values, plurals with exact branches and # in the locale", () => {
    const message = "{n, plural, =0 {none} one {# file of {who}} other {# files of {who}}}";
    expect(formatMessage(message, { n: 0, who: "Ola" }, "en-GB")).toBe("none");
    expect(formatMessage(message, { n: 1, who: "Ola" }, "en-GB")).toBe("1 file of Ola");
    expect(formatMessage(message, { n: 1200, who: "Ola" }, "en-GB")).toBe("1,200 files of Ola");
    expect(formatMessage("{n, plural, other {# igjen}}", { n: 12000 }, "nb-NO")).toBe("12\u00a0000 igjen");
    // What it cannot read stays as written rather than losing words.
    expect(formatMessage("{missing} and {x, select, a {A} other {B}}", {}, "en-GB")).toBe("{missing} and {x, select, a {A} other {B}}");
  });

  describe.each(LANGUAGES)("agrees with next-intl in $locale", ({ messages, locale, format }) => {
    const t = createTranslator({ locale, messages, timeZone: "UTC" });
    for (const namespace of CLIENT_FORMATTED) {
      it.each(leaves(messages[namespace], namespace))("%s", (key, message) => {
        for (const n of [0, 1, 2, 5, 21, 1234]) {
          const values = Object.fromEntries(argumentsOf(message).map((name, i) => [name, name === "name" || name === "role" ? `Word${i}` : n + i]));
          expect(formatMessage(message, values, format)).toBe(t(key as never, values as never));
        }
      });
    }
  });
});
