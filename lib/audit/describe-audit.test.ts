import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeAuditEntry, hasAuditSentence } from "./describe-audit";

const ROOT = path.resolve(__dirname, "../..");

/** Every `action: "…"` literal the code records (tests excluded), plus the ones built from a variable. */
function recordedActions(): Set<string> {
  // Built from a variable: review-decisions.ts, serve-result-file.ts, exports/list-export.ts.
  const actions = new Set(["review.confirm", "review.send_back", "result.download", "result.view_media"]);
  for (const list of ["processes", "dossiers"]) actions.add(`${list}.export_start`).add(`${list}.export`);
  for (const dir of ["lib", "app", "scripts"]) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
      for (const match of source.matchAll(/action: "([a-z_]+\.[a-z_.]+)"/g)) actions.add(match[1]!);
    }
  }
  return actions;
}

describe("describeAuditEntry", () => {
  it("has a sentence for every action the desk records", () => {
    const missing = [...recordedActions()].filter((action) => !hasAuditSentence(action));
    expect(missing).toEqual([]);
  });

  it("reads a decision as a sentence with its reason", () => {
    expect(describeAuditEntry("review.decide", { decision: "reject", reasonCategory: "expired_document", state: "final" })).toBe("Rejected with reason Document expired");
    expect(describeAuditEntry("review.decide", { decision: "approve", reasonCategory: "document_authentic", state: "awaiting_confirmation" })).toBe(
      "Approved with reason Document checked and authentic (awaiting a second officer)",
    );
  });

  it("counts with the right number", () => {
    expect(describeAuditEntry("retention.run", { days: 0, processes: 1, dossiers: 1, zips: 0 })).toBe("Retention (0 days) purged 1 process in 1 dossier, 0 zips");
    expect(describeAuditEntry("audit.export", { rows: 1234 })).toBe("Exported the audit log (1,234 rows)");
  });

  it("says how an export ended when it did not complete", () => {
    expect(describeAuditEntry("processes.export", { rows: 120, outcome: "aborted" })).toBe("Exported the queue as CSV (120 rows, aborted)");
    expect(describeAuditEntry("dossiers.export", { rows: 1, outcome: "complete" })).toBe("Exported the dossier list as CSV (1 row)");
  });

  it("names an action it does not know by its code, whatever its details", () => {
    expect(describeAuditEntry("something.new", { any: "thing" })).toBe("something.new");
  });
});
