import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, readEnv } from "./env";

describe("environment", () => {
  it("has the documented defaults", () => {
    const { options, bulk } = readEnv({});
    expect(options).toMatchObject({ port: 4010, host: "127.0.0.1" });
    expect(options.clientId).toBeUndefined();
    expect(bulk).toEqual({ count: 0, seed: 1 });
  });

  it("reads every variable", () => {
    const { options } = readEnv({
      SIMULATOR_PORT: "0",
      SIMULATOR_CLIENT_ID: "a",
      SIMULATOR_CLIENT_SECRET: "b",
      SIMULATOR_TOKEN_EXPIRES_IN: "30",
      SIMULATOR_FINAL_DELAY_MS: "100-200",
      SIMULATOR_NOTIFICATION_URL: "http://127.0.0.1:3000/api/webhooks/assure",
      SIMULATOR_IMAGE_TARGET_BYTES: "6500000",
    });
    expect(options).toMatchObject({
      port: 0,
      clientId: "a",
      clientSecret: "b",
      tokenExpiresIn: 30,
      finalDelayMs: { min: 100, max: 200 },
      bulkNotification: { url: "http://127.0.0.1:3000/api/webhooks/assure" },
      image: { targetBytes: 6_500_000 },
    });
  });

  it("stops with a message naming each bad variable", () => {
    expect(() => readEnv({ SIMULATOR_PORT: "http", SIMULATOR_FINAL_DELAY_MS: "soon" })).toThrow(EnvError);
    const bad = () => readEnv({ SIMULATOR_PORT: "99999", SIMULATOR_NOTIFICATION_FORM: "smoke" });
    expect(bad).toThrow(/SIMULATOR_PORT: SIMULATOR_PORT must be at most 65535/);
    expect(bad).toThrow(/SIMULATOR_NOTIFICATION_FORM/);
  });
});

describe("main.ts as a child process", () => {
  it("prints its base URL and serves tokens", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "main.ts")], {
      env: { ...process.env, SIMULATOR_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /base URL (http:\/\/\S+\/assure)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const res = await fetch(baseUrl.replace(/\/assure$/, "/auth/open/connect/token"), {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from("desk-demo-client:desk-demo-secret").toString("base64")}` },
        body: "grant_type=client_credentials",
      });
      expect(res.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("exits 1 with a clear message on a bad environment", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "main.ts")], {
      env: { ...process.env, SIMULATOR_PORT: "abc" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/Invalid simulator environment:\n\s+SIMULATOR_PORT: SIMULATOR_PORT must be a whole number/);
  });
});
