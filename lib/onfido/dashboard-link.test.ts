import { describe, expect, it } from "vitest";
import { onfidoDashboardLink } from "./dashboard-link";
import { summarizeCheck } from "./facial-summary";

describe("onfidoDashboardLink", () => {
  it.each([
    "https://dashboard.onfido.com/checks/adc09d31-857c-442a-ac37-5702ce6aa2da",
    "https://dashboard.us.onfido.com/checks/1",
    "https://onfido.com/checks/1",
  ])("keeps Onfido's own https address %s", (value) => {
    expect(onfidoDashboardLink(value)).toBe(value);
  });

  it.each([
    "https://dashboard.onfido.com.evil.example/checks/1",
    "https://dashboard.onfido.com@evil.example/checks/1",
    "https://user:pw@dashboard.onfido.com/checks/1",
    "https://evilonfido.com/checks/1",
    "https://dashboard.onfido.com:8443/checks/1",
    "http://dashboard.onfido.com/checks/1",
    "javascript:alert(1)//https://dashboard.onfido.com",
    "https://evil.example/?https://dashboard.onfido.com",
    "not a url",
    42,
    null,
  ])("drops %j", (value) => {
    expect(onfidoDashboardLink(value)).toBeNull();
  });

  it("is what the check summary shows", () => {
    const check = { id: "c1", status: "complete", result: "clear", report_ids: [] };
    expect(summarizeCheck({ ...check, results_uri: "https://dashboard.onfido.com.evil.example/x" } as never, []).resultsUri).toBeNull();
    expect(summarizeCheck({ ...check, results_uri: "https://dashboard.onfido.com/checks/c1" } as never, []).resultsUri).toBe("https://dashboard.onfido.com/checks/c1");
  });
});
