import { describe, expect, it } from "vitest";
import { activeNavHref } from "./desk-nav-active";

const links = ["/processes", "/dossiers", "/audit", "/admin"];

describe("activeNavHref", () => {
  it("marks Processes on a process page, although its URL is under the dossier", () => {
    expect(activeNavHref("/dossiers/d-1/processes/p-1", links)).toBe("/processes");
  });

  it("marks each area on its own pages", () => {
    expect(activeNavHref("/processes", links)).toBe("/processes");
    expect(activeNavHref("/dossiers", links)).toBe("/dossiers");
    expect(activeNavHref("/dossiers/d-1", links)).toBe("/dossiers");
    expect(activeNavHref("/admin/inbox", links)).toBe("/admin");
    expect(activeNavHref("/audit", links)).toBe("/audit");
  });

  it("marks nothing elsewhere, and never a prefix that is not a path segment", () => {
    expect(activeNavHref("/forbidden", links)).toBeNull();
    expect(activeNavHref("/processesx", links)).toBeNull();
  });
});
