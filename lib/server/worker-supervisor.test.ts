import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { relayNudges, superviseWorker, type WorkerSupervisor } from "./worker-supervisor";

/** A stand-in worker that writes what happens to it to a file (tests/fixtures/worker/echo-worker.ts). */
const ENTRY = path.resolve("tests/fixtures/worker/echo-worker.ts");

let dir: string;
let supervisor: WorkerSupervisor | undefined;

afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function start() {
  dir = mkdtempSync(path.join(tmpdir(), "desk-supervisor-"));
  const file = path.join(dir, "echo.log");
  supervisor = superviseWorker({ entry: ENTRY, env: { ...process.env, ECHO_FILE: file }, restartDelayMs: 50, maxRestartDelayMs: 200 });
  const lines = () => {
    try {
      return readFileSync(file, "utf8").trim().split("\n");
    } catch {
      return [];
    }
  };
  return { supervisor, lines };
}

async function until(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the worker npm start manages", () => {
  it("hands the server's nudges to the worker", async () => {
    const { supervisor, lines } = start();
    const pid = await supervisor.started();
    await until(() => lines().includes(`started ${pid}`));
    supervisor.nudge();
    supervisor.nudge("all");
    await until(() => lines().length >= 3);
    expect(lines()).toEqual([`started ${pid}`, `nudge status ${pid}`, `nudge all ${pid}`]);
  });

  it("gives the web server the cores first: the worker runs at a lower priority", async () => {
    const { supervisor, lines } = start();
    const pid = await supervisor.started();
    await until(() => lines().includes(`started ${pid}`));
    expect(os.getPriority(pid)).toBe(Math.min(19, os.getPriority() + 10));
  });

  it("relays what the web server's route sends (nudgeSeparateWorker over its IPC channel) to the worker", async () => {
    const { supervisor, lines } = start();
    const pid = await supervisor.started();
    await until(() => lines().includes(`started ${pid}`));
    const server = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/fixtures/worker/nudging-server.ts")], { stdio: ["pipe", "inherit", "inherit", "ipc"] });
    try {
      relayNudges(server, supervisor);
      server.stdin!.write("status\n");
      await until(() => lines().includes(`nudge status ${pid}`));
      server.stdin!.write("all\n");
      await until(() => lines().includes(`nudge all ${pid}`));
    } finally {
      server.kill("SIGTERM");
    }
  });

  it("starts the worker again when it dies, and stops it for good with the server", async () => {
    const { supervisor, lines } = start();
    const first = await supervisor.started();
    await until(() => lines().includes(`started ${first}`));
    process.kill(first, "SIGKILL");
    await until(() => supervisor.pid() !== undefined && supervisor.pid() !== first && lines().some((l) => l.startsWith("started ") && l !== `started ${first}`));
    const second = supervisor.pid()!;
    expect(second).not.toBe(first);

    await supervisor.stop();
    expect(alive(second)).toBe(false);
    expect(lines()).toContain(`stopped ${second}`);
    // No restart after a stop.
    await new Promise((r) => setTimeout(r, 400));
    expect(supervisor.pid()).toBeUndefined();
    expect(lines().filter((l) => l.startsWith("started "))).toHaveLength(2);
  });
});
