import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { readNudge, type NudgeLanes } from "./worker-channel";

export interface SupervisorOptions {
  /** The worker's entry file (TypeScript, run through tsx's loader). */
  entry: string;
  cwd?: string;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** First restart after this long; doubles per crash in a row, up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** A worker that ran this long before dying starts the back-off afresh. */
  healthyAfterMs?: number;
  /** How long a worker may take to finish its rows in flight after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  /**
   * How much lower the worker's scheduling priority is than this process's (Unix niceness, added; 0 keeps
   * it). When both are busy, the cores go to the web server first: an acknowledgement is what Assure waits
   * for, and the inbox exists so that processing may lag behind it.
   */
  niceness?: number;
}

export interface WorkerSupervisor {
  /** Wakes the worker's pump (dropped while it restarts: its poll finds the rows). */
  nudge(lanes?: NudgeLanes): void;
  /** The running worker's pid (tests, the benchmark's CPU accounting). */
  pid(): number | undefined;
  /** Resolves when a worker process is running and has its IPC channel open. */
  started(): Promise<number>;
  /** Stops the worker (SIGTERM, then SIGKILL after the timeout) and restarts it no more. */
  stop(): Promise<void>;
}

const DEFAULTS = { restartDelayMs: 1_000, maxRestartDelayMs: 30_000, healthyAfterMs: 60_000, stopTimeoutMs: 15_000, niceness: 10 };

/**
 * Runs the background worker (inbox pump, sweep, poller, sync scheduler) as a child process of `npm start`:
 * the web server's event loop then only acknowledges, whatever the pump is doing. A worker that dies is
 * started again after a back-off; `stop()` ends it with the server. The child is told its parent went away
 * by its IPC channel closing (scripts/worker.ts exits then), so a killed `npm start` leaves no orphan.
 */
export function superviseWorker(options: SupervisorOptions): WorkerSupervisor {
  const settings = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  let child: ChildProcess | undefined;
  let stopping = false;
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let waiting: ((pid: number) => void)[] = [];

  const launch = () => {
    const startedAt = Date.now();
    const node = [process.execPath, "--import", "tsx", settings.entry];
    // Through nice(1), so that every thread of the worker (V8's and libuv's too) starts at that priority.
    const [command, ...args] = settings.niceness > 0 && process.platform !== "win32" ? ["nice", "-n", String(settings.niceness), ...node] : node;
    const current = spawn(command!, args, {
      cwd: settings.cwd,
      // lib/ modules import "server-only"; outside Next.js tsconfig.scripts.json maps it to an empty module.
      env: { TSX_TSCONFIG_PATH: path.join(settings.cwd ?? process.cwd(), "tsconfig.scripts.json"), ...settings.env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child = current;
    current.once("spawn", () => {
      for (const resolve of waiting) resolve(current.pid!);
      waiting = [];
    });
    current.once("error", (error) => log(`worker could not start: ${error.message}`));
    current.once("exit", (code, signal) => {
      if (child === current) child = undefined;
      if (stopping) return;
      crashes = Date.now() - startedAt >= settings.healthyAfterMs ? 1 : crashes + 1;
      const delay = Math.min(settings.maxRestartDelayMs, settings.restartDelayMs * 2 ** (crashes - 1));
      log(`worker exited (${signal ?? `code ${code}`}); starting it again in ${Math.round(delay / 100) / 10} s`);
      restartTimer = setTimeout(launch, delay);
    });
  };
  launch();

  return {
    nudge(lanes = "status") {
      if (child?.connected) child.send({ type: "desk:inbox-nudge", lanes });
    },
    pid: () => child?.pid,
    started: () =>
      new Promise<number>((resolve) => {
        if (child?.pid !== undefined && child.connected) resolve(child.pid);
        else waiting.push(resolve);
      }),
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill("SIGTERM");
      const timer = setTimeout(() => current.kill("SIGKILL"), settings.stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Hands the web server's nudges (its IPC messages, lib/server/worker-channel.ts) to the worker. */
export function relayNudges(server: Pick<ChildProcess, "on">, worker: Pick<WorkerSupervisor, "nudge">): void {
  server.on("message", (message: unknown) => {
    const nudge = readNudge(message);
    if (nudge) worker.nudge(nudge.lanes);
  });
}
