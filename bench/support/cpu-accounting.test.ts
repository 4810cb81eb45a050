import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { childProcesses, cpuPerItem, cpuSnapshot, rssMiB } from "./cpu-accounting";

describe("cpu-accounting (Linux /proc)", () => {
  it("finds a child by its command line, reads its memory, and charges its CPU to its root", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 300; while (Date.now() < end); setInterval(() => {}, 1000)", "marker-for-the-test"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const before = cpuSnapshot({ child: child.pid });
      await new Promise((r) => setTimeout(r, 600));
      const after = cpuSnapshot({ child: child.pid });
      expect(childProcesses(process.pid).find((c) => c.pid === child.pid)?.command).toContain("marker-for-the-test");
      expect(rssMiB(child.pid!)).toBeGreaterThan(5);
      expect(cpuPerItem(before, after, 1).child).toBeGreaterThanOrEqual(0);
      expect(after.child).toBeGreaterThan(0);
    } finally {
      child.kill("SIGKILL");
    }
    expect(rssMiB(2 ** 22 + 12345)).toBeNaN();
  });
});
