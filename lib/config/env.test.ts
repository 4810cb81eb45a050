import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, EnvSchema, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on its defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data", DEMO_DATA: "auto", ASSURE_SCOPE: "signicat-api", SIMULATOR_PORT: 4010 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset, as a copied .env.example has them", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every wrong variable with what is wrong", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", DEMO_DATA: "maybe", ASSURE_BASE_URL: "not a url" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/PORT: must be a port number/);
    expect(problems).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    expect(problems).toMatch(/DEMO_DATA/);
    expect(problems).toMatch(/ASSURE_BASE_URL: must be a URL/);
  });

  it("needs credentials with a real Assure URL", () => {
    expect(() => parseEnv({ ASSURE_BASE_URL: "https://api.signicat.com/assure" })).toThrow(/ASSURE_CLIENT_ID/);
  });

  it("needs an https NEXTAUTH_URL (or PUBLIC_URL) outside demo mode, so that the session cookie is Secure", () => {
    const real = {
      NODE_ENV: "production",
      ASSURE_BASE_URL: "https://api.signicat.com/assure",
      ASSURE_CLIENT_ID: "id",
      ASSURE_CLIENT_SECRET: "secret",
      ASSURE_WEBHOOK_SECRET: "a-webhook-secret-of-length",
    };
    expect(() => parseEnv(real)).toThrow(/NEXTAUTH_URL: must be an https:\/\/ address/);
    expect(() => parseEnv({ ...real, NEXTAUTH_URL: "http://desk.example.com" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ ...real, PUBLIC_URL: "http://desk.example.com" })).toThrow(/NEXTAUTH_URL/);
    expect(parseEnv({ ...real, NEXTAUTH_URL: "https://desk.example.com" }).NEXTAUTH_URL).toBe("https://desk.example.com");
    expect(parseEnv({ ...real, PUBLIC_URL: "https://desk.example.com" }).PUBLIC_URL).toBe("https://desk.example.com");
    // Demo mode (the bundled simulator) runs on plain http://localhost.
    expect(parseEnv({ ...real, ASSURE_SIMULATOR: "1", NEXTAUTH_URL: "http://localhost:3000" }).NEXTAUTH_URL).toBe("http://localhost:3000");
  });

  it("does not echo a secret it refuses", () => {
    try {
      parseEnv({ ASSURE_WEBHOOK_SECRET: "short-secret" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/ASSURE_WEBHOOK_SECRET: must be at least 16 characters/);
      expect((e as Error).message).not.toContain("short-secret");
    }
  });

  it("is documented variable for variable in .env.example", () => {
    const example = readFileSync(path.resolve(__dirname, "../../.env.example"), "utf8");
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(EnvSchema.shape).sort());
  });
});
