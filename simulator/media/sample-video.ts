/**
 * The video of a documentVideo process: a real, tiny MP4 (1 s, 64x64, H.264) committed under assets/,
 * made once with ffmpeg so that the simulator itself needs no video tooling.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

let video: Buffer | undefined;

export function sampleVideo(): Buffer {
  video ??= readFileSync(join(__dirname, "..", "assets", "sample.mp4"));
  return video;
}
