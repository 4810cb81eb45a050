import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { count, formatDuration, formatRate, type SyncWords } from "./format-sync";

function wordsIn(locale: "en" | "nb"): SyncWords {
  const t = createTranslator({ locale, messages: locale === "en" ? en : nb, namespace: "Sync.units" });
  const format = createFormatter({ locale });
  return { units: (key, values) => t(key, values), number: (value) => format.number(value) };
}

describe("the sync page's numbers", () => {
  it("write durations in the page's language", () => {
    const words = wordsIn("en");
    expect(formatDuration(null, words)).toBe("—");
    expect(formatDuration(42.4, words)).toBe("42 s");
    expect(formatDuration(185, words)).toBe("3 min 5 s");
    expect(formatDuration(3720, words)).toBe("1 h 2 min");
    expect(formatDuration(3720, wordsIn("nb"))).toBe("1 t 2 min");
  });

  it("write rates and counts with the locale's separators", () => {
    expect(formatRate(2.54, wordsIn("en"))).toBe("2.5 dossiers/s");
    expect(formatRate(2.54, wordsIn("nb"))).toBe("2,5 dossierer/s");
    expect(formatRate(12.6, wordsIn("nb"))).toBe("13 dossierer/s");
    expect(count(12345, wordsIn("en"))).toBe("12,345");
    expect(count(12345, wordsIn("nb"))).toBe("12\u00a0345");
    expect(count(null, wordsIn("nb"))).toBe("—");
  });
});
