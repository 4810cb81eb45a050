import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await t.control("DELETE", "/faults");
});

describe("fault injection", () => {
  it("adds latency to API answers", async () => {
    await t.token();
    await t.control("PUT", "/faults", { latencyMs: 250 });
    const started = Date.now();
    expect((await t.api("GET", "/dossiers")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("answers 503 or 500 at the configured error rate, globally", async () => {
    await t.token();
    await t.control("PUT", "/faults", { errorRate: 1, errorStatus: 503 });
    const answer = await t.api("GET", "/dossiers");
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 503, type: "base:server-problem", instance: "/assure/dossiers" });
    const stats = (await t.control("GET", "/stats")).body;
    expect(stats.requests.injectedErrors).toBeGreaterThanOrEqual(1);
    // The control API itself is never faulted.
    expect((await t.control("GET", "/faults")).body.errorRate).toBe(1);
  });

  it("fails one endpoint only when asked per endpoint, and about half the time at rate 0.5", async () => {
    await t.token();
    await t.control("PUT", "/faults", { endpoints: { getDossier: { errorRate: 1, errorStatus: 500 }, listDossiers: { errorRate: 0.5 } } });
    const created = await t.api("POST", "/dossiers");
    expect(created.status).toBe(201);
    expect((await t.api("GET", `/dossiers/${created.body.dossierId}`)).status).toBe(500);
    const statuses = await Promise.all(Array.from({ length: 60 }, () => t.api("GET", "/dossiers").then((a) => a.status)));
    const failures = statuses.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  });

  it("can fail the token endpoint", async () => {
    await t.control("PUT", "/faults", { endpoints: { token: { errorRate: 1 } } });
    const res = await fetch(t.sim.tokenUrl, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("desk-demo-client:desk-demo-secret").toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(503);
  });

  it("goes down for N seconds at the connection level, then comes back", async () => {
    await t.token();
    const set = await t.control("PUT", "/faults", { down: { seconds: 0.6, mode: "connection" } });
    expect(set.body.down.mode).toBe("connection");
    await expect(t.api("GET", "/dossiers")).rejects.toThrow();
    expect((await t.control("GET", "/stats")).body.requests.droppedConnections).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 700));
    expect((await t.api("GET", "/dossiers")).status).toBe(200);
  });

  it("goes down with 503 answers when asked", async () => {
    await t.token();
    await t.control("PUT", "/faults", { down: { seconds: 5, mode: "503" } });
    expect((await t.api("GET", "/dossiers")).status).toBe(503);
    await t.control("DELETE", "/faults");
    expect((await t.api("GET", "/dossiers")).status).toBe(200);
  });

  it("rejects an invalid fault description", async () => {
    const answer = await t.control("PUT", "/faults", { errorRate: 2, endpoints: { nope: { errorRate: 1 } } });
    expect(answer.status).toBe(400);
    expect(answer.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["errorRate"]));
  });
});

describe("settings", () => {
  it("change while running and are validated", async () => {
    const answer = await t.control("PUT", "/config", { tokenExpiresIn: 42, finalDelayMs: { min: 5, max: 9 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ tokenExpiresIn: 42, finalDelayMs: { min: 5, max: 9 } });
    expect(answer.body.clientSecret).toBeUndefined();
    expect((await t.control("PUT", "/config", { finalDelayMs: { min: 10, max: 1 } })).status).toBe(400);
    expect((await t.control("PUT", "/config", { defaultScenario: "nope" })).status).toBe(400);
    expect((await t.control("PUT", "/config", { defaultScenario: "random" })).status).toBe(200);
  });
});
