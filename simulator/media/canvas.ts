/** A tiny RGBA raster with the few shapes the generated pictures need, and its JPEG encoding. */
import { encodeJpeg } from "./jpeg-encoder";

export type Colour = readonly [number, number, number];

export class Canvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = Buffer.alloc(width * height * 4, 255);
  }

  rect(x: number, y: number, w: number, h: number, colour: Colour): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) this.set(col, row, colour);
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, colour: Colour): void {
    if (rx <= 0 || ry <= 0) return;
    const y0 = Math.max(0, Math.floor(cy - ry));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + ry));
    for (let row = y0; row <= y1; row++) {
      const dy = (row - cy) / ry;
      const half = rx * Math.sqrt(Math.max(0, 1 - dy * dy));
      const x0 = Math.max(0, Math.round(cx - half));
      const x1 = Math.min(this.width - 1, Math.round(cx + half));
      for (let col = x0; col <= x1; col++) this.set(col, row, colour);
    }
  }

  /** Vertical gradient over the whole canvas. */
  gradient(top: Colour, bottom: Colour): void {
    for (let row = 0; row < this.height; row++) {
      const t = row / Math.max(1, this.height - 1);
      const mix = (a: number, b: number): number => Math.round(a * (1 - t) + b * t);
      this.rect(0, row, this.width, 1, [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2])]);
    }
  }

  /**
   * Sensor-like grain. Photographs are never flat, and the grain is what gives a JPEG a realistic size:
   * without it a picture of a few flat shapes compresses to almost nothing.
   */
  grain(seed: number, amplitude: number): void {
    let s = seed >>> 0 || 1;
    const d = this.data;
    for (let i = 0; i < d.length; i += 4) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const n = ((s >>> 0) % (2 * amplitude + 1)) - amplitude;
      d[i] = clamp((d[i] ?? 0) + n);
      d[i + 1] = clamp((d[i + 1] ?? 0) + n);
      d[i + 2] = clamp((d[i + 2] ?? 0) + n);
    }
  }

  toJpeg(quality: number): Buffer {
    return encodeJpeg({ data: this.data, width: this.width, height: this.height }, quality);
  }

  private set(x: number, y: number, colour: Colour): void {
    const i = (y * this.width + x) * 4;
    this.data[i] = colour[0];
    this.data[i + 1] = colour[1];
    this.data[i + 2] = colour[2];
  }
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

export const shade = (c: Colour, factor: number): Colour => [
  clamp(Math.round(c[0] * factor)),
  clamp(Math.round(c[1] * factor)),
  clamp(Math.round(c[2] * factor)),
];
