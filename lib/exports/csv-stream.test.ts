import { describe, expect, it } from "vitest";
import { csvStream, type CsvExportEnd } from "./csv-stream";
import { parseCsv, readStream } from "./testing/read-csv";

interface Source {
  /** Batches the stream asked for so far. */
  read: number;
  /** Whether the stream let the source know it should stop. */
  stopSeen: boolean;
  batches: (shouldStop: () => boolean) => AsyncIterator<number[]>;
}

/** `count` batches of `size` numbers, counting how many were read; `failAt` throws instead of that batch. */
function source(count: number, size = 3, failAt?: number): Source {
  const state: Source = {
    read: 0,
    stopSeen: false,
    batches: async function* (shouldStop) {
      for (let b = 0; b < count; b++) {
        if (shouldStop()) {
          state.stopSeen = true;
          return;
        }
        state.read++;
        if (b === failAt) throw new Error("database went away");
        yield Array.from({ length: size }, (_, i) => b * size + i);
      }
    },
  };
  return state;
}

function stream(src: Source, signal?: AbortSignal) {
  const ends: CsvExportEnd[] = [];
  const body = csvStream({ columns: ["n", "text"], batches: src.batches, cells: (n) => [n, n === 0 ? "=SUM(A1)" : `Ø${n}`], signal, onEnd: async (end) => void ends.push(end) });
  return { body, ends };
}

describe("csvStream", () => {
  it("writes the BOM, the header and every row, then reports a complete export once", async () => {
    const src = source(4);
    const { body, ends } = stream(src);
    const text = await readStream(body);
    expect(text.startsWith("\uFEFFn,text\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual(["0", "'=SUM(A1)"]);
    expect(rows[2]).toEqual(["1", "Ø1"]);
    expect(ends).toEqual([{ rows: 12, outcome: "complete" }]);
  });

  it("reads a batch only when the reader asks for it (memory stays at about one batch)", async () => {
    const src = source(100);
    const { body } = stream(src);
    const reader = body.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(src.read).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("stops reading when the request is aborted and reports the rows sent so far", async () => {
    const src = source(100);
    const controller = new AbortController();
    const { body, ends } = stream(src, controller.signal);
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    await reader.read();
    controller.abort();
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(src.read).toBeLessThan(100);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.outcome).toBe("aborted");
    expect(ends[0]!.rows).toBeGreaterThanOrEqual(6);
    expect(ends[0]!.rows).toBeLessThan(300);
  });

  it("stops when the reader cancels (the client went away)", async () => {
    const src = source(100);
    const { body, ends } = stream(src);
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(ends).toEqual([{ rows: 3, outcome: "aborted" }]);
    expect(src.read).toBeLessThan(100);
  });

  it("errors the download when a batch fails, instead of ending a file that looks whole", async () => {
    const src = source(5, 3, 2);
    const { body, ends } = stream(src);
    await expect(readStream(body)).rejects.toThrow("database went away");
    expect(ends).toEqual([{ rows: 6, outcome: "failed" }]);
  });
});
