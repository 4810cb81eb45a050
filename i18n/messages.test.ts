import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = join(__dirname, "..", "messages");
const files = readdirSync(DIR).filter((file) => file.endsWith(".json"));
const load = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), "utf8"));

/** Every message as its dotted key and text. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") return out.set(prefix, value);
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** The names an ICU message interpolates (`{count, plural, …}` → count), which every translation must keep. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const english = flatten(load("en.json"));

describe.each(files.filter((file) => file !== "en.json"))("messages/%s", (file) => {
  const other = flatten(load(file));

  it("has every key English has, and no other", () => {
    expect([...english.keys()].filter((key) => !other.has(key))).toEqual([]);
    expect([...other.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("keeps each message's arguments and leaves none empty", () => {
    for (const [key, text] of other) {
      expect(text.trim(), key).not.toBe("");
      expect(argumentsOf(text), key).toEqual(argumentsOf(english.get(key) ?? ""));
    }
  });
});

it("the desk has English and Norwegian Bokmål", () => {
  expect(files).toEqual(expect.arrayContaining(["en.json", "nb.json"]));
});
