import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fileResponse } from "./file-response";

async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks;
}

describe("fileResponse", () => {
  it("sends the cached bytes themselves, in views, not a copy made per request", async () => {
    const picture = new Uint8Array(randomBytes(1_000_000));
    const chunks = await chunksOf(fileResponse({ body: picture, contentType: "image/jpeg", filename: "front.jpg", disposition: "inline" }));
    expect(chunks.every((chunk) => chunk.buffer === picture.buffer)).toBe(true);
    expect(Buffer.concat(chunks).equals(picture)).toBe(true);
  });

  it("sends a range as a view of the same bytes", async () => {
    const video = new Uint8Array(randomBytes(600_000));
    const response = fileResponse({ body: video, contentType: "video/mp4", filename: "video.mp4", disposition: "inline" }, "bytes=100-299999");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-length")).toBe("299900");
    const chunks = await chunksOf(response);
    expect(chunks.every((chunk) => chunk.buffer === video.buffer)).toBe(true);
    expect(Buffer.concat(chunks).equals(video.subarray(100, 300_000))).toBe(true);
  });
});
