import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestToken, startTestSimulator, type TestSimulator } from "../test-support";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ clientId: "id-1", clientSecret: "s3cret" });
});
afterAll(() => t.sim.close());

describe("token endpoint", () => {
  it("issues a Bearer token for the configured client credentials", async () => {
    const answer = await requestToken(t.sim, "id-1", "s3cret");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: "Bearer", expires_in: 600 });
    expect(typeof answer.body.access_token).toBe("string");
  });

  it("answers 401 invalid_client for a wrong secret or no Basic header", async () => {
    const wrong = await requestToken(t.sim, "id-1", "nope");
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
    const none = await fetch(t.sim.tokenUrl, { method: "POST", body: "grant_type=client_credentials" });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: "invalid_client" });
  });

  it("answers 400 for a missing or unsupported grant type", async () => {
    const basic = `Basic ${Buffer.from("id-1:s3cret").toString("base64")}`;
    const post = (body: string) =>
      fetch(t.sim.tokenUrl, { method: "POST", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, body });
    const missing = await post("scope=signicat-api");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid_request" });
    const password = await post("grant_type=password");
    expect(await password.json()).toMatchObject({ error: "unsupported_grant_type" });
  });
});

describe("Bearer authentication", () => {
  it("answers 400 'Malformed Authorization header.' without a Bearer header, as a problem body", async () => {
    const missing = await t.api("POST", "/dossiers/", undefined, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      instance: "/assure/dossiers/",
      method: "POST",
      status: 400,
      type: "base:client-problem",
      title: "Malformed Authorization header.",
      detail: "Please provide a valid Bearer authentication.",
    });
    expect(missing.body.traceId).toMatch(/^[0-9a-f]{32}$/);
    const basic = await fetch(`${t.sim.baseUrl}/dossiers`, { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(400);
  });

  it("answers 401 to an unknown token on every endpoint, document types included", async () => {
    for (const path of ["/dossiers", "/onfido/document-types", "/dossiers/x/processes/y"]) {
      const answer = await t.api("GET", path, undefined, "not-a-token");
      expect(answer.status, path).toBe(401);
      expect(answer.body.type).toBe("base:client-problem");
    }
  });

  it("answers 401 once a token has expired", async () => {
    const short = await startTestSimulator({ tokenExpiresIn: 1 });
    try {
      const token = await short.token();
      expect((await short.api("GET", "/dossiers", undefined, token)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await short.api("GET", "/dossiers", undefined, token);
      expect(expired.status).toBe(401);
      expect(expired.body.detail).toMatch(/expired/);
    } finally {
      await short.sim.close();
    }
  });

  it("lets the control API expire every token, for clients' refresh paths", async () => {
    const token = String((await requestToken(t.sim, "id-1", "s3cret")).body.access_token);
    expect((await t.api("GET", "/dossiers", undefined, token)).status).toBe(200);
    expect((await t.control("POST", "/tokens/expire")).status).toBe(204);
    expect((await t.api("GET", "/dossiers", undefined, token)).status).toBe(401);
  });
});

describe("document types", () => {
  it("lists Assure document types with the countries that issue them", async () => {
    const token = String((await requestToken(t.sim, "id-1", "s3cret")).body.access_token);
    const answer = await t.api("GET", "/onfido/document-types", undefined, token);
    expect(answer.status).toBe(200);
    expect(answer.body.map((d: { documentType: string }) => d.documentType)).toEqual([
      "passport",
      "identityCard",
      "driverLicense",
      "residencePermit",
    ]);
    for (const entry of answer.body) expect(entry.countries.every((c: string) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(answer.body[1].countries).toContain("PRT");
    expect(answer.body[1].countries).not.toContain("USA");
  });
});
