import { describe, expect, it } from "vitest";
import { createNudgeSender, readNudge } from "./worker-channel";

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("nudges between npm start's processes", () => {
  it("sends one message per turn of the event loop however many notifications arrived, 'all' winning", async () => {
    const sent: unknown[] = [];
    const nudge = createNudgeSender({ connected: true, send: (message) => sent.push(message) > 0 });
    for (let i = 0; i < 500; i++) nudge();
    nudge("all");
    nudge();
    await turn();
    expect(sent).toEqual([{ type: "desk:inbox-nudge", lanes: "all" }]);
    nudge();
    await turn();
    expect(sent).toEqual([
      { type: "desk:inbox-nudge", lanes: "all" },
      { type: "desk:inbox-nudge", lanes: "status" },
    ]);
  });

  it("does nothing without a channel, or once it closed", async () => {
    const sent: unknown[] = [];
    createNudgeSender({})();
    const target = { connected: true, send: (message: unknown) => sent.push(message) > 0 };
    const nudge = createNudgeSender(target);
    nudge();
    target.connected = false;
    await turn();
    nudge();
    await turn();
    expect(sent).toEqual([]);
  });

  it("reads only well-formed nudges", () => {
    expect(readNudge({ type: "desk:inbox-nudge", lanes: "all" })).toEqual({ type: "desk:inbox-nudge", lanes: "all" });
    expect(readNudge({ type: "desk:inbox-nudge", lanes: "everything" })).toBeNull();
    expect(readNudge({ nextServerReady: true })).toBeNull();
    expect(readNudge("desk:inbox-nudge")).toBeNull();
  });
});
