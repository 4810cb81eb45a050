import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * User-facing text lives in messages/, not in components: this fails on words in JSX text and in the
 * attributes people read (title, placeholder, aria-label, alt, label) of `app/**` and `components/**` .tsx files.
 */
const ROOT = path.resolve(__dirname, "../..");
const READ_ATTRIBUTES = new Set(["title", "placeholder", "aria-label", "alt", "label", "caption", "summary", "nothingYet", "plural", "singular"]);

/**
 * Text that is no language: Assure's and Onfido's own values shown verbatim, units and code. Each entry is
 * an exact string.
 */
const ALLOWED = new Set(["finalResult", "providerSpecific", "sha256", "CSV", "PDF", "JSON", "zip", "MRZ", "UTC"]);

/**
 * Files still holding English text, to be converted (issue 18). The list may only shrink: a listed file
 * without literals fails too, so that it is taken off.
 */
const PENDING = new Set<string>([
]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : tsxFiles(file);
    return entry.name.endsWith(".tsx") ? [file] : [];
  });
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

/**
 * The strings an expression shows as it is: itself, or a branch of `?:`, `&&`, `||` and `??` (not the
 * arguments of a call such as `t("key")`, which are keys, nor a condition's operands).
 */
function shownStrings(expression: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(expression)) return shownStrings(expression.expression);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return hasWords(expression.text) ? [expression.text] : [];
  if (ts.isTemplateExpression(expression)) {
    const text = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(" ");
    return hasWords(text) ? [text.trim()] : [];
  }
  if (ts.isConditionalExpression(expression)) return [...shownStrings(expression.whenTrue), ...shownStrings(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const kind = expression.operatorToken.kind;
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(expression.right);
    if (kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken) return [...shownStrings(expression.left), ...shownStrings(expression.right)];
  }
  return [];
}

/** Each literal a person would read, as `line: text`. */
export function literalsIn(source: string, fileName = "file.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${at(node)}: ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value) && hasWords(value.text)) found.push(`${at(node)}: ${node.name.getText(file)}="${value.text}"`);
      if (ts.isJsxExpression(value) && value.expression) {
        for (const text of shownStrings(value.expression)) found.push(`${at(node)}: ${node.name.getText(file)}="${text}"`);
      }
    }
    // `{pending ? "Saving…" : "Save"}`, `{name ?? "nobody"}` among an element's children.
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of shownStrings(node.expression)) found.push(`${at(node)}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Not scanned: pages staff never read (app/bench/: the benchmark's fixtures, a 404 outside its server). */
const NOT_UI = ["app/bench/"];

const files = [...tsxFiles(path.join(ROOT, "app")), ...tsxFiles(path.join(ROOT, "components"))]
  .map((f) => path.relative(ROOT, f))
  .filter((f) => !NOT_UI.some((folder) => f.startsWith(folder)))
  .sort();

describe("no user-facing literal in components", () => {
  it("finds words in JSX text and read attributes, not in class names or code", () => {
    expect(literalsIn(`const A = () => <p className="text-sm" title="Hello there">Sign in {x}</p>;`)).toEqual(['1: title="Hello there"', "1: Sign in"]);
    expect(literalsIn(`const A = () => <p title={t("x")}>{t("y")} — {n}</p>;`)).toEqual([]);
    expect(literalsIn(`const A = () => <p title={ok ? "All good" : t("x")}>{busy ? "Saving…" : t("save")} {n ?? "nobody"} {x && \`\${n} left\`}</p>;`)).toEqual([
      '1: title="All good"',
      "1: Saving…",
      "1: nobody",
      "1: left",
    ]);
    expect(literalsIn(`const A = () => <p className={a ? "px-2" : "px-3"}>{f("key")}{n > 1 ? "—" : ""}</p>;`)).toEqual([]);
  });

  it.each(files.filter((f) => !PENDING.has(f)))("%s holds no user-facing literal", (file) => {
    expect(literalsIn(readFileSync(path.join(ROOT, file), "utf8"), file)).toEqual([]);
  });

  it.each([...PENDING])("%s (not yet converted) still has literals: else take it off the list", (file) => {
    expect(literalsIn(readFileSync(path.join(ROOT, file), "utf8"), file).length).toBeGreaterThan(0);
  });
});
