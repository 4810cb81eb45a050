import { describe, expect, it } from "vitest";
import { sampleJpeg } from "../results/testing/sample-result";
import { jpegSize, MAX_SIDE, pictureForPdf } from "./downscale-image";

describe("pictureForPdf", () => {
  it("shrinks a large JPEG to at most MAX_SIDE a side, keeping its proportions", async () => {
    const big = sampleJpeg(1800, 1134, 30, 90);
    expect(jpegSize(big)).toEqual({ width: 1800, height: 1134 });
    const picture = await pictureForPdf(big, "image/jpeg");
    expect(picture).toMatchObject({ format: "jpg", width: MAX_SIDE, height: 567 });
    expect(jpegSize(picture!.bytes)).toEqual({ width: MAX_SIDE, height: 567 });
    expect(picture!.bytes.byteLength).toBeLessThan(big.byteLength);
  });

  it("embeds a small JPEG as it is, and names what it cannot show", async () => {
    const small = sampleJpeg(320, 200);
    expect((await pictureForPdf(small, "image/jpeg"))?.bytes).toBe(small);
    expect(await pictureForPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg")).toBeNull();
    expect(await pictureForPdf(new Uint8Array(10), "video/mp4")).toBeNull();
  });
});
