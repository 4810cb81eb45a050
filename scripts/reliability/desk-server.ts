/**
 * The production desk server for the reliability tests and the webhook benchmark: built once into its own
 * dist folder (`.next-reliability`, so it never collides with anyone's `.next`), started as one
 * `node scripts/serve.ts` process (the server `npm start` runs: Next.js behind the webhook's own listener), and
 * stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { computeBuildStamp } from "../build-stamp";
import { keepingFiles } from "./keep-files";

export const RELIABILITY_DIST_DIR = ".next-reliability";
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Builds when the folder has no build, or one of other sources (so a test never runs yesterday's code). */
export function ensureReliabilityBuild(log: (line: string) => void = console.log): void {
  const dist = path.join(ROOT, RELIABILITY_DIST_DIR);
  const stampFile = path.join(dist, "desk-build-stamp");
  const stamp = computeBuildStamp(ROOT);
  const current = existsSync(path.join(dist, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (current && process.env.RELIABILITY_REBUILD !== "1") return;
  log(`building the desk into ${RELIABILITY_DIST_DIR} (sources changed or no build)…`);
  const started = Date.now();
  // Next.js adds this distDir's types to the tracked tsconfig.json: put it back (the build stamp hashes it).
  const result = keepingFiles([path.join(ROOT, "tsconfig.json"), path.join(ROOT, "next-env.d.ts")], () =>
    spawnSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DESK_DIST_DIR: RELIABILITY_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 10 * 60_000,
    }),
  );
  if (result.status !== 0) throw new Error(`next build failed:\n${(result.stdout ?? "").slice(-3000)}\n${(result.stderr ?? "").slice(-3000)}`);
  writeFileSync(stampFile, stamp);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface DeskServer {
  url: string;
  pid: number;
  /** Output so far (for a failure message). */
  output(): string;
  /** Sends the signal to this pid only, and waits for the process to exit (bounded). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the desk's server on `port` with `env` on top of a clean production environment; resolves when /api/health answers. */
export async function startDeskServer(port: number, env: Record<string, string>, options: { readyTimeoutMs?: number; nodeArgs?: string[] } = {}): Promise<DeskServer> {
  const serve = [...(options.nodeArgs ?? []), "--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), "--hostname", "127.0.0.1", "--port", String(port)];
  const child: ChildProcess = spawn(process.execPath, serve, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.scripts.json"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DESK_DIST_DIR: RELIABILITY_DIST_DIR,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: DeskServer = {
    url,
    pid: child.pid!,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, signal);
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000));
      if ((await Promise.race([exited, timeout])) === "timeout") {
        process.kill(child.pid!, "SIGKILL");
        await exited;
      }
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`desk server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop("SIGKILL");
      throw new Error(`desk server not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
