import { describe, expect, it } from "vitest";
import { describeSyncRun } from "./get-sync-overview";

const base = {
  id: 1,
  state: "running" as const,
  trigger: "admin",
  triggeredBy: null,
  startedAt: new Date("2026-01-01T10:00:00Z"),
  finishedAt: null,
  heartbeatAt: new Date("2026-01-01T10:01:35Z"),
  totalDossiers: 1_000,
  doneDossiers: 250,
  processesSeen: 300,
  processesChanged: 12,
  errors: 0,
  lastError: null,
};

describe("describeSyncRun", () => {
  it("derives progress, rate and time left from done / total and the time since the start", () => {
    const view = describeSyncRun(base, new Date("2026-01-01T10:01:40Z"));
    expect(view).toMatchObject({ progress: 0.25, ratePerSecond: 2.5, secondsLeft: 300, elapsedSeconds: 100, waitingForWorker: false });
  });

  it("says when no worker holds a running run, and has no estimate before the listing", () => {
    const view = describeSyncRun({ ...base, totalDossiers: null, doneDossiers: 0, heartbeatAt: new Date(0) }, new Date("2026-01-01T10:00:05Z"));
    expect(view).toMatchObject({ progress: null, ratePerSecond: null, secondsLeft: null, waitingForWorker: true });
  });

  it("measures a finished run to its end and leaves no time left", () => {
    const view = describeSyncRun({ ...base, state: "done", doneDossiers: 1_000, finishedAt: new Date("2026-01-01T10:08:20Z") }, new Date("2026-01-02T00:00:00Z"));
    expect(view).toMatchObject({ progress: 1, ratePerSecond: 2, secondsLeft: null, elapsedSeconds: 500, waitingForWorker: false });
  });
});
