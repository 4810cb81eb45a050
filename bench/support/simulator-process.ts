import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../../scripts/reliability/desk-server";

/**
 * The simulator as a process of its own, so that its zips do not compete with the bench's own thread. Its
 * pictures are `imageWidth` pixels wide: 96 unless a bench says otherwise (the simulator's own default is 800).
 */
export async function startSimulatorProcess(root = process.cwd(), imageWidth = 96): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "simulator/main.ts"], {
    cwd: root,
    env: { ...process.env, SIMULATOR_PORT: String(port), SIMULATOR_IMAGE_WIDTH: String(imageWidth) },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(`${url}/__sim/stats`);
      await res.arrayBuffer();
      if (res.ok) return { url, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error("simulator did not start");
}
