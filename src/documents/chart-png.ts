/**
 * Draws a small trend chart as a PNG: the readings as a line with a dot on each, the target as a
 * dashed line. Pure and deterministic (no canvas, no fonts), so the same readings always give the
 * same bytes, and DOCX and PDF show the same picture.
 */
import { deflateSync } from 'node:zlib';
import type { Chart } from './document.js';

type Rgb = readonly [number, number, number];
const LINE: Rgb = [29, 79, 145];
const TARGET: Rgb = [110, 110, 110];
const AXIS: Rgb = [200, 200, 200];

/** Pixel size of every chart; shown at a third of this, so it prints sharp. */
export const CHART_PX = { width: 360, height: 96 };

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  /** Blends `colour` into a pixel by `alpha` (0..1), for anti-aliased edges. */
  blend(x: number, y: number, colour: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) {
      const old = this.pixels[at + c] as number;
      this.pixels[at + c] = Math.round(old + ((colour[c] as number) - old) * Math.min(1, alpha));
    }
  }

  /** A line of `thickness` pixels, anti-aliased by distance from the segment. */
  line(x0: number, y0: number, x1: number, y1: number, thickness: number, colour: Rgb): void {
    const pad = Math.ceil(thickness) + 1;
    const [dx, dy] = [x1 - x0, y1 - y0];
    const length2 = dx * dx + dy * dy || 1;
    for (let y = Math.floor(Math.min(y0, y1)) - pad; y <= Math.max(y0, y1) + pad; y++)
      for (let x = Math.floor(Math.min(x0, x1)) - pad; x <= Math.max(x0, x1) + pad; x++) {
        const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
        const [ex, ey] = [x - (x0 + t * dx), y - (y0 + t * dy)];
        const distance = Math.sqrt(ex * ex + ey * ey);
        this.blend(x, y, colour, thickness / 2 + 0.5 - distance);
      }
  }

  dot(cx: number, cy: number, radius: number, colour: Rgb): void {
    for (let y = Math.floor(cy - radius - 1); y <= cy + radius + 1; y++)
      for (let x = Math.floor(cx - radius - 1); x <= cx + radius + 1; x++)
        this.blend(x, y, colour, radius + 0.5 - Math.hypot(x - cx, y - cy));
  }
}

// Each renderer of a document asks for the same chart: drawn once per chart object.
const drawn = new WeakMap<Chart, Buffer>();

/** The chart as PNG bytes. */
export function chartPng(chart: Chart): Buffer {
  let png = drawn.get(chart);
  if (!png) {
    png = draw(chart);
    drawn.set(chart, png);
  }
  return png;
}

function draw(chart: Chart): Buffer {
  const { width, height } = CHART_PX;
  const raster = new Raster(width, height);
  const values = [...chart.points.map((p) => p.value), ...(chart.target === undefined ? [] : [chart.target])];
  const margin = 10;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const y = (v: number) => height - margin - ((v - low) / span) * (height - 2 * margin);
  const x = (i: number) =>
    chart.points.length < 2 ? width / 2 : margin + (i * (width - 2 * margin)) / (chart.points.length - 1);
  raster.line(margin, height - 2, width - margin, height - 2, 1.5, AXIS);
  if (chart.target !== undefined) {
    const ty = y(chart.target);
    for (let start = margin; start < width - margin; start += 18)
      raster.line(start, ty, Math.min(start + 10, width - margin), ty, 2, TARGET);
  }
  chart.points.forEach((p, i) => {
    const next = chart.points[i + 1];
    if (next) raster.line(x(i), y(p.value), x(i + 1), y(next.value), 4, LINE);
  });
  chart.points.forEach((p, i) => {
    raster.dot(x(i), y(p.value), i === chart.points.length - 1 ? 7 : 4, LINE);
  });
  return encodePng(raster);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(raster: Raster): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(raster.width, 0);
  header.writeUInt32BE(raster.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rowBytes = raster.width * 3;
  const scanlines = Buffer.alloc((rowBytes + 1) * raster.height);
  for (let row = 0; row < raster.height; row++)
    scanlines.set(raster.pixels.subarray(row * rowBytes, (row + 1) * rowBytes), row * (rowBytes + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
