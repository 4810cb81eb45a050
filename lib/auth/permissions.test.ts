import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STAFF_ROLES } from "../../db/staff-schema";
import { CAPABILITY_LABELS, can, PERMISSIONS, type Capability } from "./permissions";
import { capabilityFor } from "./route-rules";

describe("the permission matrix", () => {
  it("is the table the README shows, row for row", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const table = readme.split("<!-- permission-matrix:start -->")[1]?.split("<!-- permission-matrix:end -->")[0] ?? "";
    const rows = table
      .trim()
      .split("\n")
      .slice(2)
      .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));
    const expected = (Object.keys(PERMISSIONS) as Capability[]).map((capability) => [
      CAPABILITY_LABELS[capability],
      ...STAFF_ROLES.map((role) => (can(role, capability) ? "yes" : "no")),
    ]);
    expect(rows).toEqual(expected);
  });

  it("refuses everything to a visitor without a role", () => {
    for (const capability of Object.keys(PERMISSIONS) as Capability[]) expect(can(null, capability)).toBe(false);
  });

  it("closes a path no rule names, and opens only the public ones", () => {
    expect(capabilityFor("/some/new/page")).toBe("processes.read");
    expect(capabilityFor("/api/webhooks/assure")).toBeNull();
    expect(capabilityFor("/api/health")).toBeNull();
    expect(capabilityFor("/admin/inbox")).toBe("desk.admin");
    expect(capabilityFor("/api/processes/p-1/result/media/front")).toBe("results.read");
    expect(capabilityFor("/api/exports/processes")).toBe("lists.export");
    expect(capabilityFor("/api/exports/dossiers")).toBe("lists.export");
  });
});
