import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator, waitFor } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.sim.close());

type Item = { dossierId: string; processId: string; scenario: string; processType: string };

async function bulk(body: Record<string, unknown>) {
  const answer = await t.control("POST", "/bulk", body);
  expect(answer.status).toBe(201);
  return answer.body as { seed: number; count: number; dossiers: number; items: Item[] };
}

/** What a reviewer would see of a process, without ids and timestamps. */
async function content(item: Item) {
  const p = (await t.api("GET", `/dossiers/${item.dossierId}/processes/${item.processId}`)).body;
  return { status: p.status, processType: p.processType, providerSpecific: p.providerSpecific, failReason: p.failReason, location: p.processParameters };
}

describe("bulk runs", () => {
  it("are reproducible: the same seed gives the same scenarios, people and results", async () => {
    const a = await bulk({ count: 60, seed: 4242, delayMs: 0 });
    const b = await bulk({ count: 60, seed: 4242, delayMs: 0 });
    const c = await bulk({ count: 60, seed: 4243, delayMs: 0 });
    const strip = (items: Item[]) => items.map(({ scenario, processType }) => `${scenario}/${processType}`);
    expect(strip(a.items)).toEqual(strip(b.items));
    expect(strip(a.items)).not.toEqual(strip(c.items));
    expect(a.items[0]?.processId).not.toBe(b.items[0]?.processId);
    for (let i = 0; i < 60; i += 7) {
      expect(await content(b.items[i]!)).toEqual(await content(a.items[i]!));
    }
  });

  it("follow the status mix, group processes per dossier and run pending → processing → final", async () => {
    const answer = await bulk({ count: 40, seed: 9, mix: { rejected: 1 }, processesPerDossier: 4, delayMs: { min: 100, max: 150 } });
    expect(answer.dossiers).toBe(10);
    const first = answer.items[0]!;
    expect((await content(first)).status).toBe("processing");
    await waitFor(async () => ((await content(first)).status === "rejected" ? true : undefined));
    await waitFor(async () => ((await t.control("GET", "/stats")).body.scheduled === 0 ? true : undefined));
    for (const item of answer.items.slice(0, 10)) expect((await content(item)).status).toBe("rejected");
    const dossier = (await t.api("GET", `/dossiers/${first.dossierId}`)).body;
    expect(dossier.processes).toHaveLength(4);
  });

  it("can draw from a list of scenarios and process types, and backdate", async () => {
    const answer = await bulk({ count: 20, seed: 3, scenarios: ["spoof", "canceled"], processTypes: ["documentVideo"], backdateDays: 30 });
    expect(new Set(answer.items.map((i) => i.scenario))).toEqual(new Set(["spoof", "canceled"]));
    expect(answer.items.every((i) => i.processType === "documentVideo")).toBe(true);
    const p = (await t.api("GET", `/dossiers/${answer.items[0]!.dossierId}/processes/${answer.items[0]!.processId}`)).body;
    expect(["inconclusive", "canceled"]).toContain(p.status);
    expect(Date.parse(p.createdAt)).toBeLessThanOrEqual(Date.now());
    const bad = await t.control("POST", "/bulk", { count: 5, scenarios: ["spoof"], processTypes: ["document"] });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe("scenarios.0");
    expect((await t.control("POST", "/bulk", { count: 0 })).status).toBe(400);
  });

  it("count processes per status in stats, and reset clears them", async () => {
    const stats = (await t.control("GET", "/stats")).body;
    const total = Object.values(stats.byStatus as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(total).toBe(stats.processes);
    expect(stats.byStatus.rejected).toBeGreaterThanOrEqual(40);
    expect((await t.control("POST", "/reset")).status).toBe(204);
    const after = (await t.control("GET", "/stats")).body;
    expect(after.processes).toBe(0);
    expect(after.dossiers).toBe(0);
    expect((await t.api("GET", "/dossiers")).body).toEqual([]);
  });
});

describe("runs of one scenario", () => {
  it("validate the scenario against the process type and accept an existing dossier", async () => {
    expect((await t.control("POST", "/run", { scenario: "nope" })).status).toBe(400);
    expect((await t.control("POST", "/run", { scenario: "spoof", processType: "document" })).status).toBe(400);
    const first = (await t.control("POST", "/run", { scenario: "accepted", delayMs: 0 })).body;
    const second = await t.control("POST", "/run", { scenario: "canceled", delayMs: 0, dossierId: first.dossierId });
    expect(second.status).toBe(201);
    expect((await t.api("GET", `/dossiers/${first.dossierId}`)).body.processes).toHaveLength(2);
    expect((await t.control("POST", "/run", { scenario: "accepted", dossierId: "missing" })).status).toBe(404);
  });

  it("let a test pin the scenario of a process created through the API, and finish it early", async () => {
    const dossier = (await t.api("POST", "/dossiers")).body;
    const process = (await t.api("POST", `/dossiers/${dossier.dossierId}/processes`, {
      provider: "onfido", processType: "document", processParameters: { location: { countryOfResidence: "ESP" } },
    })).body;
    expect((await t.control("PUT", `/processes/${process.processId}`, { scenario: "spoof" })).status).toBe(400);
    expect((await t.control("PUT", `/processes/${process.processId}`, { scenario: "expired-document" })).status).toBe(200);
    await t.api("POST", `/dossiers/${dossier.dossierId}/files`, { front: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" });
    await t.control("PUT", "/config", { finalDelayMs: { min: 60_000, max: 60_000 } });
    try {
      expect((await t.api("POST", `/dossiers/${dossier.dossierId}/processes/${process.processId}`)).body.status).toBe("processing");
      const finished = await t.control("POST", `/processes/${process.processId}/finish`);
      expect(finished.status).toBe(200);
      expect(finished.body.status).toBe("inconclusive");
      expect(finished.body.providerSpecific.documentVerification.subResult).toBe("caution");
    } finally {
      await t.control("PUT", "/config", { finalDelayMs: { min: 50, max: 80 } });
    }
  });

  it("can make the pictures at once, as captured, and serves those same pictures in the zip", async () => {
    const before = t.sim.state.media.size;
    const { items } = await bulk({ count: 5, scenarios: ["accepted"], processTypes: ["documentSelfie"], delayMs: 0, prerenderMedia: true });
    // front and selfie at least for each process (back too for two-sided documents)
    expect(t.sim.state.media.size - before).toBeGreaterThanOrEqual(10);
    const held = t.sim.state.media.size;
    const zip = await t.api("GET", `/dossiers/${items[0]!.dossierId}/processes/${items[0]!.processId}/result`);
    expect(zip.status).toBe(200);
    expect(t.sim.state.media.size).toBe(held);
  });
});
