import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPending, startTestSimulator, type TestSimulator } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.sim.close());

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("dossiers", () => {
  it("creates (201), lists summaries and gets one with its processes", async () => {
    const created = await t.api("POST", "/dossiers");
    expect(created.status).toBe(201);
    expect(created.body.createdAt).toMatch(TIMESTAMP);
    const { dossierId } = created.body;
    await t.api("POST", `/dossiers/${dossierId}/processes`, { provider: "onfido", processType: "document" });

    const list = await t.api("GET", "/dossiers");
    const summary = list.body.find((d: { dossierId: string }) => d.dossierId === dossierId);
    expect(Object.keys(summary).sort()).toEqual(["createdAt", "dossierId", "updatedAt"]);

    const got = await t.api("GET", `/dossiers/${dossierId}`);
    expect(got.status).toBe(200);
    expect(got.body.processes).toHaveLength(1);
    expect(got.body.processes[0]).toMatchObject({ provider: "onfido", processType: "document", status: "pending" });
  });

  it("deletes a dossier with its processes (204), then both are 404", async () => {
    const { dossierId, processId } = await createPending(t);
    const before = (await t.control("GET", "/stats")).body.processes;
    expect((await t.api("DELETE", `/dossiers/${dossierId}`)).status).toBe(204);
    const gone = await t.api("GET", `/dossiers/${dossierId}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ type: "base:client-problem", instance: `/assure/dossiers/${dossierId}`, method: "GET" });
    expect((await t.api("GET", `/dossiers/${dossierId}/processes/${processId}`)).status).toBe(404);
    expect((await t.control("GET", "/stats")).body.processes).toBe(before - 1);
  });

  it("answers 404 for unknown dossiers and 405 for unsupported methods", async () => {
    expect((await t.api("GET", "/dossiers/nope")).status).toBe(404);
    expect((await t.api("DELETE", "/dossiers/nope")).status).toBe(404);
    expect((await t.api("PUT", "/dossiers")).status).toBe(405);
  });
});

describe("processes", () => {
  it("creates a process (201): processParameters echoed, SDK token while pending, authorizationHeader never shown", async () => {
    const params = { location: { countryOfResidence: "NOR" }, consents: { privacy: true }, mobileAppId: "com.example" };
    const { created } = await createPending(t, {
      documentType: "passport",
      notificationUrl: "http://127.0.0.1:9/hook",
      authorizationHeader: "Bearer hook-secret",
      processParameters: params,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: "onfido",
      processType: "documentSelfie",
      documentType: "passport",
      status: "pending",
      notificationUrl: "http://127.0.0.1:9/hook",
      processParameters: params,
    });
    expect(created.body.authorization).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(created.body)).not.toContain("hook-secret");
    expect(created.body.finalResult).toBeUndefined();
    expect(created.body.providerSpecific).toBeUndefined();
  });

  it("has the example's keys (process-created.json)", async () => {
    const example = JSON.parse(readFileSync(join(__dirname, "../../tests/fixtures/assure/process-created.json"), "utf8"));
    const { created } = await createPending(t, { processType: "document" });
    expect(Object.keys(created.body)).toEqual(expect.arrayContaining(Object.keys(example)));
  });

  it("requires provider and processType, naming each by path", async () => {
    const { dossierId } = await createPending(t);
    const answer = await t.api("POST", `/dossiers/${dossierId}/processes`, { documentType: "visa", processParameters: 3 });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("validation-error");
    const names = answer.body.invalidParams.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(["documentType", "processParameters", "processType", "provider"]);
    const wrong = await t.api("POST", `/dossiers/${dossierId}/processes`, { provider: "idin", processType: "selfie" });
    expect(wrong.body.invalidParams).toEqual([
      { name: "provider", reason: expect.stringContaining("onfido") },
      { name: "processType", reason: expect.stringContaining("documentSelfie") },
    ]);
  });

  it("gets and deletes a process; a process is not found through another dossier", async () => {
    const a = await createPending(t);
    const b = await createPending(t);
    expect((await t.api("GET", `/dossiers/${a.dossierId}/processes/${a.processId}`)).body.processId).toBe(a.processId);
    expect((await t.api("GET", `/dossiers/${b.dossierId}/processes/${a.processId}`)).status).toBe(404);
    expect((await t.api("DELETE", `/dossiers/${a.dossierId}/processes/${a.processId}`)).status).toBe(204);
    expect((await t.api("GET", `/dossiers/${a.dossierId}/processes/${a.processId}`)).status).toBe(404);
    expect((await t.api("GET", `/dossiers/${a.dossierId}`)).body.processes).toEqual([]);
  });

  it("rejects malformed JSON with a problem body", async () => {
    const { dossierId } = await createPending(t);
    const res = await fetch(`${t.sim.baseUrl}/dossiers/${dossierId}/processes`, {
      method: "POST",
      headers: { authorization: `Bearer ${await t.token()}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: "Malformed JSON body.", type: "base:client-problem" });
  });
});
