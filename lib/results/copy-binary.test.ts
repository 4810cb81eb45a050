import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { byteaCopyInput, byteaCopyReader, CopyBinaryError, readByteaCopy, sqlStringLiteral } from "./copy-binary";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** What PostgreSQL sends for `COPY (select <one column> …) TO STDOUT (FORMAT binary)`; null is a NULL field. */
function copyOutput(rows: (Buffer | null)[], options: { extension?: Buffer; fieldsPerRow?: number } = {}): Buffer {
  const extension = options.extension ?? Buffer.alloc(0);
  const parts = [SIGNATURE, int32(0), int32(extension.length), extension];
  for (const field of rows) {
    parts.push(int16(options.fieldsPerRow ?? 1));
    parts.push(field === null ? int32(-1) : Buffer.concat([int32(field.length), field]));
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}

function read(output: Buffer, expectedBytes: number, chunkSize = output.length): Buffer | null {
  const reader = byteaCopyReader(expectedBytes);
  for (let at = 0; at < output.length; at += chunkSize) reader.push(output.subarray(at, at + chunkSize));
  return reader.finish();
}

async function* chunks(output: Buffer, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < output.length; at += chunkSize) yield output.subarray(at, at + chunkSize);
}

describe("the binary COPY reader", () => {
  it("reads a whole row, in one chunk (as a view of it, not a copy) or split anywhere", () => {
    const field = randomBytes(1000);
    const output = copyOutput([field]);
    const whole = read(output, 1000)!;
    expect(whole.equals(field)).toBe(true);
    expect(whole.buffer).toBe(output.buffer);
    for (const size of [1, 2, 3, 7, 19, 20, 24, 999]) expect(read(output, 1000, size)!.equals(field)).toBe(true);
  });

  it("skips a header extension and reads an empty field", () => {
    const output = copyOutput([Buffer.alloc(0)], { extension: Buffer.from("future") });
    expect(read(output, 0, 3)!.length).toBe(0);
  });

  it("answers null for a COPY without rows", () => {
    expect(read(copyOutput([]), 10)).toBeNull();
  });

  it("refuses a stream that stops short, in the field or before it", () => {
    const output = copyOutput([randomBytes(500)]);
    expect(() => read(output.subarray(0, output.length - 2), 500)).toThrow(/ended early, while reading the tuple/);
    expect(() => read(output.subarray(0, output.length - 100), 500)).toThrow(/ended early, after 402 of the field's 500 bytes/);
    expect(() => read(output.subarray(0, 12), 500)).toThrow(/ended early, while reading the header/);
    expect(() => read(Buffer.alloc(0), 500)).toThrow(CopyBinaryError);
  });

  it("refuses a field whose length is not the recorded size, before reading it", () => {
    expect(() => read(copyOutput([randomBytes(499)]), 500)).toThrow("The field holds 499 bytes, not the 500 recorded");
    expect(() => read(copyOutput([randomBytes(501)]), 500)).toThrow("The field holds 501 bytes, not the 500 recorded");
  });

  it("refuses a NULL field", () => {
    expect(() => read(copyOutput([null]), 500)).toThrow("The field is NULL");
  });

  it("refuses what is not one row of one field", () => {
    expect(() => read(copyOutput([randomBytes(4), randomBytes(4)]), 4)).toThrow(/more than one row/);
    expect(() => read(copyOutput([randomBytes(4)], { fieldsPerRow: 2 }), 4)).toThrow(/2 fields, not 1/);
    expect(() => read(Buffer.concat([copyOutput([randomBytes(4)]), Buffer.from([0])]), 4)).toThrow(/goes on after its trailer/);
    const unsigned = copyOutput([randomBytes(4)]);
    unsigned[0] = 0x51;
    expect(() => read(unsigned, 4)).toThrow(/binary signature/);
  });

  it("reads the rest of the stream after an error before it throws", async () => {
    const output = copyOutput([randomBytes(300)]);
    let pulled = 0;
    async function* counted() {
      for await (const chunk of chunks(output, 10)) {
        pulled++;
        yield chunk;
      }
    }
    await expect(readByteaCopy(Readable.from(counted()), 299)).rejects.toThrow("The field holds 300 bytes, not the 299 recorded");
    expect(pulled).toBe(Math.ceil(output.length / 10));
    const field = randomBytes(300);
    expect((await readByteaCopy(Readable.from(chunks(copyOutput([field]), 64)), 300))!.equals(field)).toBe(true);
    // A stream that fails (the connection broke) fails the read.
    const broken = new Readable({ read() {} });
    const reading = readByteaCopy(broken, 300);
    broken.push(output.subarray(0, 100));
    broken.destroy(new Error("connection lost"));
    await expect(reading).rejects.toThrow("connection lost");
  });
});

describe("the binary COPY input of one field", () => {
  it("is what PostgreSQL would send for that row, and reads back as it", () => {
    const field = randomBytes(777);
    const input = Buffer.concat(byteaCopyInput(field));
    expect(input.equals(copyOutput([field]))).toBe(true);
    expect(read(input, 777)!.equals(field)).toBe(true);
  });
});

describe("an SQL string literal", () => {
  it("doubles every single quote and leaves backslashes as they are", () => {
    expect(sqlStringLiteral("plain")).toBe("'plain'");
    expect(sqlStringLiteral("o'brien''s \\' end")).toBe("'o''brien''''s \\'' end'");
  });

  it("refuses a NUL character, which no PostgreSQL string can hold", () => {
    expect(() => sqlStringLiteral("a\0b")).toThrow(RangeError);
  });
});
