import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time by role from /proc (Linux): a process and its descendants (tsx and `next start` run their work
 * in child processes), every PostgreSQL backend, the whole machine. Lets a benchmark say where the cores
 * went, not only how fast it was.
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = text.lastIndexOf(")");
      const comm = text.slice(text.indexOf("(") + 1, close);
      const fields = text.slice(close + 2).split(" ");
      // fields[0] is state; ppid is field 4 of stat, utime 14, stime 15 (1-based) → here 1, 11, 12.
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), comm, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}

function machineMs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n").find((l) => l.startsWith("cpu "));
  const f = (line ?? "").trim().split(/\s+/).slice(1).map(Number);
  // user, nice, system, irq, softirq, steal: busy time of all cores
  return ((f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)) * TICK_MS;
}

export type CpuSnapshot = Record<string, number>;

/** CPU milliseconds used so far by each role: `roots` name process trees; `postgres` and `machine` are added. */
export function cpuSnapshot(roots: Record<string, number | undefined>): CpuSnapshot {
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const tree = (pid: number): number => {
    const self = stats.find((s) => s.pid === pid)?.cpuMs ?? 0;
    return self + (children.get(pid) ?? []).reduce((sum, c) => sum + tree(c.pid), 0);
  };
  const snapshot: CpuSnapshot = {};
  for (const [role, pid] of Object.entries(roots)) if (pid) snapshot[role] = tree(pid);
  snapshot.postgres = stats.filter((s) => s.comm === "postgres").reduce((sum, s) => sum + s.cpuMs, 0);
  const own = process.cpuUsage();
  snapshot["load generator"] = (own.user + own.system) / 1000;
  snapshot.machine = machineMs();
  return snapshot;
}

/** Milliseconds of CPU per item between two snapshots, role by role. */
export function cpuPerItem(before: CpuSnapshot, after: CpuSnapshot, items: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((role) => [role, ((after[role] ?? 0) - (before[role] ?? 0)) / items]));
}

/** Resident memory of one process in MiB (VmRSS from /proc/<pid>/status), or NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return Number(line?.split(/\s+/)[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The direct children of a process, with their command lines (to tell `npm start`'s server from its worker). */
export function childProcesses(pid: number): { pid: number; command: string }[] {
  return readStats()
    .filter((s) => s.ppid === pid)
    .map((s) => {
      try {
        return { pid: s.pid, command: readFileSync(`/proc/${s.pid}/cmdline`, "utf8").split("\0").join(" ") };
      } catch {
        return { pid: s.pid, command: "" };
      }
    });
}
