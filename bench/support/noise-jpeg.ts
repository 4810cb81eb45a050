import { encode } from "jpeg-js";

/**
 * A camera-sized JPEG of noise: noise does not compress, so ~5 MB is what a real high-resolution scan weighs.
 * `seed` makes pictures differ (the same seed gives the same bytes).
 */
export function noiseJpeg(seed = 20_261_126, width = 2200, height = 1600): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  let state = seed;
  for (let i = 0; i < data.length; i += 4) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    const v = state & 0xff;
    data[i] = v;
    data[i + 1] = (v * 7) & 0xff;
    data[i + 2] = (v * 13) & 0xff;
    data[i + 3] = 0xff;
  }
  return new Uint8Array(encode({ data, width, height }, 90).data);
}
