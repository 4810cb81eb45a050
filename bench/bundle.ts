/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/bundle.ts`: the first-load JavaScript of each desk page,
 * gzip, from a production build (`.next-bundle`, built when the sources changed; the tracked tsconfig.json
 * and next-env.d.ts that `next build` rewrites for that folder are put back), served the way `npm start`
 * serves it on a throw-away embedded database with demo data, signed in. A page's first load is every
 * `<script src>` of its HTML (the build's chunks for that route, the framework's included), each fetched
 * and gzipped at level 9 as a server would send it. Beside them, /bench/bare: a page of the same build with
 * no client component of ours, the floor that Next.js and React cost.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { computeBuildStamp } from "../scripts/build-stamp";
import { freePort } from "../scripts/reliability/desk-server";
import { keepingFiles } from "../scripts/reliability/keep-files";

const ROOT = process.cwd();
const DIST_DIR = ".next-bundle";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PASSWORD = "bench-bundle-password-0123";
/** The budget for the queue's first load. */
const QUEUE_TARGET_KB = 200;

const log = (line: string) => console.log(line);

function ensureBuild() {
  const dist = path.join(ROOT, DIST_DIR);
  const stampFile = path.join(dist, "desk-build-stamp");
  const stamp = computeBuildStamp(ROOT);
  if (existsSync(path.join(dist, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`reusing the build in ${DIST_DIR}`);
    return;
  }
  log(`building the desk into ${DIST_DIR} (sources changed or no build)…`);
  const started = Date.now();
  const result = keepingFiles([path.join(ROOT, "tsconfig.json"), path.join(ROOT, "next-env.d.ts")], () =>
    spawnSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DESK_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 15 * 60_000,
    }),
  );
  if (result.status !== 0) throw new Error(`next build failed:\n${(result.stdout ?? "").slice(-3000)}\n${(result.stderr ?? "").slice(-3000)}`);
  // The same stamp scripts/start.ts checks, so that the server below reuses this build.
  writeFileSync(stampFile, stamp);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

interface Desk {
  url: string;
  stop(): Promise<void>;
}

/** `npm start` (scripts/start.ts) on the bench's build and a fresh PGlite folder, demo data loaded. */
async function startDesk(): Promise<Desk> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "desk-bench-bundle-"));
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.scripts.json", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DESK_DIST_DIR: DIST_DIR,
      DESK_BENCH_ROUTES: "1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: "on",
      DEMO_PASSWORD: PASSWORD,
      SIMULATOR_PORT: "0",
      NEXTAUTH_SECRET: "bench-bundle-session-secret-0123456789ab",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-5_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`no answer from ${url}/api/health within 5 minutes:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Cookie header value from a jar of name → value. */
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function absorb(jar: Map<string, string>, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookie jar. */
async function signIn(url: string, email: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  await res.arrayBuffer();
  absorb(jar, res);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return jar;
}

async function page(url: string, pathname: string, jar: Map<string, string>): Promise<string> {
  const res = await fetch(`${url}${pathname}`, { headers: { cookie: cookieHeader(jar) }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
  return html;
}

/** Every external script the HTML loads (Next.js renders a route's chunks as `<script src async>`). */
export function scriptSources(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]!.replaceAll("&amp;", "&"));
  return [...found];
}

interface Weight {
  scripts: number;
  raw: number;
  gzip: number;
}

const scriptCache = new Map<string, Buffer>();

async function firstLoad(url: string, html: string): Promise<Weight> {
  const weight: Weight = { scripts: 0, raw: 0, gzip: 0 };
  for (const src of scriptSources(html)) {
    let body = scriptCache.get(src);
    if (!body) {
      const res = await fetch(new URL(src, url));
      if (res.status !== 200) throw new Error(`GET ${src} answered ${res.status}`);
      body = Buffer.from(await res.arrayBuffer());
      scriptCache.set(src, body);
    }
    weight.scripts += 1;
    weight.raw += body.length;
    weight.gzip += gzipSync(body, { level: 9 }).length;
  }
  return weight;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  ensureBuild();
  log("starting the desk on a fresh embedded database with demo data…");
  const desk = await startDesk();
  try {
    const compliance = await signIn(desk.url, "compliance@demo.desk");
    const admin = await signIn(desk.url, "admin@demo.desk");
    const queue = await page(desk.url, "/processes", compliance);
    // A row's link may carry the queue's sealed view (`?from=`); the page is measured without it.
    const processLink = /href="(\/dossiers\/([^/"?]+)\/processes\/[^/"?]+)(?:\?[^"]*)?"/.exec(queue);
    if (!processLink) throw new Error("the queue lists no process (no demo data?)");
    const pages: [string, string, Map<string, string>][] = [
      ["/bench/bare (baseline)", "/bench/bare", compliance],
      ["/processes", "/processes", compliance],
      // An admin's view of failed processes: the one that shows bulk retry, whose code loads only there.
      ["/processes?status=failed (admin)", "/processes?status=failed", admin],
      ["/dossiers", "/dossiers", compliance],
      ["/dossiers/[dossierId]", `/dossiers/${processLink[2]}`, compliance],
      ["/dossiers/[dossierId]/processes/[processId]", processLink[1]!, compliance],
      ["/audit", "/audit", compliance],
      ["/admin", "/admin", admin],
      ["/admin/inbox", "/admin/inbox", admin],
      ["/admin/sync", "/admin/sync", admin],
      ["/admin/staff", "/admin/staff", admin],
    ];
    const rows: [string, Weight][] = [];
    for (const [name, pathname, jar] of pages) rows.push([name, await firstLoad(desk.url, await page(desk.url, pathname, jar))]);
    const baseline = rows[0]![1];
    log("");
    log("First-load JavaScript, production build, signed in (gzip level 9 of every <script src> the page loads)");
    log(`${"page".padEnd(46)}${"scripts".padStart(8)}${"raw KB".padStart(10)}${"gzip KB".padStart(10)}${"over bare".padStart(11)}`);
    for (const [name, w] of rows) {
      const over = name === rows[0]![0] ? "" : `+${kb(w.gzip - baseline.gzip)}`;
      log(`${name.padEnd(46)}${String(w.scripts).padStart(8)}${kb(w.raw).padStart(10)}${kb(w.gzip).padStart(10)}${over.padStart(11)}`);
    }
    const queueWeight = rows.find(([name]) => name === "/processes")![1];
    log("");
    log(`/processes: ${kb(queueWeight.gzip)} KB gzip (target ≤ ${QUEUE_TARGET_KB} KB): ${queueWeight.gzip <= QUEUE_TARGET_KB * 1024 ? "met" : "NOT met"}`);
  } finally {
    await desk.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
