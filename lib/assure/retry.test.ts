import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "./retry";

describe("backoffDelay", () => {
  const timing = (random: number) => ({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => random });

  it("doubles per failed attempt, between half and all of the step", () => {
    expect(backoffDelay(1, timing(0))).toBe(50);
    expect(backoffDelay(1, timing(1))).toBe(100);
    expect(backoffDelay(3, timing(0))).toBe(200);
    expect(backoffDelay(3, timing(1))).toBe(400);
  });

  it("stops growing at the ceiling", () => {
    expect(backoffDelay(20, timing(1))).toBe(1_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-05-01T12:00:00Z");

  it("reads seconds", () => expect(parseRetryAfter("3", now)).toBe(3_000));
  it("reads an HTTP date", () => expect(parseRetryAfter("Wed, 01 May 2024 12:00:05 GMT", now)).toBe(5_000));
  it("treats a past date as now", () => expect(parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", now)).toBe(0));
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
