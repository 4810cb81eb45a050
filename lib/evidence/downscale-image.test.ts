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

  it("reads a picture that is a view into a larger buffer (a zip's bytes)", async () => {
    const big = sampleJpeg(1200, 800, 10, 90);
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004 some zip bytes before the picture"), Buffer.from(big), Buffer.from("and after")]);
    const view = zip.subarray(zip.indexOf(Buffer.from(big.subarray(0, 16))), zip.indexOf(Buffer.from(big.subarray(0, 16))) + big.byteLength);
    expect(await pictureForPdf(view, "image/jpeg")).toMatchObject({ width: MAX_SIDE, height: 600 });
  });

  it("embeds a small JPEG as it is, and names what it cannot show", async () => {
    const small = sampleJpeg(320, 200);
    expect((await pictureForPdf(small, "image/jpeg"))?.bytes).toBe(small);
    expect(await pictureForPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg")).toBeNull();
    expect(await pictureForPdf(new Uint8Array(10), "video/mp4")).toBeNull();
  });
});
