import { decode } from "jpeg-js";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sampleJpeg } from "../results/testing/sample-result";
import { MAX_INPUT_PIXELS, MAX_SIDE, pictureForPdf } from "./downscale-image";

/** The picture as a JPEG decoder other than sharp reads it: its size and the colour at a point. */
function decoded(bytes: Uint8Array) {
  const image = decode(bytes, { useTArray: true, formatAsRGBA: true });
  const at = (x: number, y: number) => {
    const i = (Math.round(y) * image.width + Math.round(x)) * 4;
    return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
  };
  return { width: image.width, height: image.height, at };
}

/** Raw RGB pixels: the left half red, the right half blue. */
function halves(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(x < width / 2 ? [220, 20, 20] : [20, 20, 220], (y * width + x) * 3);
  }
  return data;
}

/**
 * A uniform grey baseline JPEG of any size in a few hundred kilobytes, made by hand: one-bit Huffman codes
 * for "no change of DC" and "end of block", so every 8×8 block is two zero bits.
 */
function greyJpeg(width: number, height: number): Uint8Array {
  const segment = (marker: number, body: number[]) => Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  const oneCode = [1, ...Array<number>(15).fill(0), 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil((blocks * 2) / 8));
  // The last byte's unused bits are padded with ones.
  if ((blocks * 2) % 8) scan[scan.length - 1] = (1 << (8 - ((blocks * 2) % 8))) - 1;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xdb, [0, ...Array<number>(64).fill(1)]),
      segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
      segment(0xc4, [0x00, ...oneCode, 0x10, ...oneCode]),
      segment(0xda, [1, 1, 0x00, 0, 63, 0]),
      scan,
      Buffer.from([0xff, 0xd9]),
    ]),
  );
}

const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 90 && b! < 90;
const isBlue = ([r, g, b]: number[]) => b! > 150 && r! < 90 && g! < 90;

describe("pictureForPdf", () => {
  it("shrinks a large JPEG to a real, smaller JPEG of at most MAX_SIDE a side, keeping its proportions", async () => {
    const big = sampleJpeg(1800, 1134, 30, 90);
    const picture = await pictureForPdf(big, "image/jpeg");
    expect(picture).toMatchObject({ format: "jpg", width: MAX_SIDE, height: 567 });
    const out = decoded(picture!.bytes);
    expect([out.width, out.height]).toEqual([MAX_SIDE, 567]);
    expect(picture!.bytes.byteLength).toBeLessThan(big.byteLength);
  });

  it("reads a picture that is a view into a larger buffer (a zip's bytes)", async () => {
    const big = sampleJpeg(1200, 800, 10, 90);
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004 some zip bytes before the picture"), Buffer.from(big), Buffer.from("and after")]);
    const start = zip.indexOf(Buffer.from(big.subarray(0, 16)));
    const view = new Uint8Array(zip.buffer, zip.byteOffset + start, big.byteLength);
    expect(await pictureForPdf(view, "image/jpeg")).toMatchObject({ width: MAX_SIDE, height: 600 });
  });

  it("turns a picture upright by its EXIF orientation before shrinking it, large or small", async () => {
    // Orientation 6: shown turned a quarter clockwise, so the stored left half (red) is shown on top.
    for (const [width, height] of [[1800, 1200], [600, 400]] as const) {
      const sideways = await sharp(halves(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
      const picture = await pictureForPdf(new Uint8Array(sideways), "image/jpeg");
      const scale = Math.min(1, MAX_SIDE / width);
      expect(picture).toMatchObject({ format: "jpg", width: Math.round(height * scale), height: Math.round(width * scale) });
      const out = decoded(picture!.bytes);
      expect([out.width, out.height]).toEqual([picture!.width, picture!.height]);
      expect(isRed(out.at(out.width / 2, out.height * 0.2))).toBe(true);
      expect(isBlue(out.at(out.width / 2, out.height * 0.8))).toBe(true);
    }
  });

  it("makes a PNG a JPEG, shrunk and laid on white where it was transparent", async () => {
    const width = 2000;
    const height = 1000;
    const pixels = Buffer.alloc(width * height * 4);
    // The left half opaque blue, the right half transparent.
    for (let i = 0; i < width * height; i++) if (i % width < width / 2) pixels.set([20, 20, 220, 255], i * 4);
    const png = await sharp(pixels, { raw: { width, height, channels: 4 } }).png().toBuffer();
    const picture = await pictureForPdf(new Uint8Array(png), "image/png");
    expect(picture).toMatchObject({ format: "jpg", width: MAX_SIDE, height: 450 });
    const out = decoded(picture!.bytes);
    expect(isBlue(out.at(MAX_SIDE * 0.25, 225))).toBe(true);
    expect(out.at(MAX_SIDE * 0.75, 225).every((c) => c > 240)).toBe(true);
  });

  it("embeds a small upright JPEG as it is", async () => {
    const small = sampleJpeg(320, 200);
    expect(await pictureForPdf(small, "image/jpeg")).toEqual({ format: "jpg", bytes: small, width: 320, height: 200 });
  });

  it("gives null, for the pack to name the picture, when it does not decode or is not a picture", async () => {
    const big = sampleJpeg(1800, 1200, 30, 90);
    // Cut off halfway: the header reads, the pixels do not.
    expect(await pictureForPdf(big.subarray(0, big.byteLength / 2), "image/jpeg")).toBeNull();
    expect(await pictureForPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg")).toBeNull();
    const png = await sharp(halves(1200, 600), { raw: { width: 1200, height: 600, channels: 3 } }).png().toBuffer();
    expect(await pictureForPdf(new Uint8Array(png.subarray(0, 200)), "image/png")).toBeNull();
    expect(await pictureForPdf(new Uint8Array(10), "video/mp4")).toBeNull();
  });

  it("refuses a picture larger than MAX_INPUT_PIXELS before decoding it", async () => {
    const huge = greyJpeg(11_000, 10_000);
    expect(11_000 * 10_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    // A real picture that sharp's own limits let through; ours do not.
    expect((await sharp(huge).resize(MAX_SIDE).toBuffer({ resolveWithObject: true })).info.width).toBe(MAX_SIDE);
    expect(await pictureForPdf(huge, "image/jpeg")).toBeNull();
    expect(await pictureForPdf(greyJpeg(1800, 1200), "image/jpeg")).toMatchObject({ width: MAX_SIDE, height: 600 });
  });

  it("shrinks many pictures at once and gives each its own", async () => {
    const pictures = [1000, 1100, 1200, 1300, 1400, 1500].map((width) => greyJpeg(width, 950));
    const out = await Promise.all(pictures.map((p) => pictureForPdf(p, "image/jpeg")));
    expect(out.map((p) => p && [p.width, p.height])).toEqual([1000, 1100, 1200, 1300, 1400, 1500].map((w) => [MAX_SIDE, Math.round((950 * MAX_SIDE) / w)]));
  });
});
