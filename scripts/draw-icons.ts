// Draws the app icons (public/icons/icon-{180,192,512}.png) for the web app manifest: a small
// network, three layers of neurons joined by their weights, on the course's navy. The drawing keeps
// to the central 80 % so the same file serves as a maskable icon. Run once after changing the design
// and commit the PNGs: tsx scripts/draw-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const NAVY: Rgb = [0x1b, 0x2a, 0x4a];
const EDGE: Rgb = [0x8f, 0xb3, 0xe8];
const NODE: Rgb = [0xff, 0xff, 0xff];
const OUT: Rgb = [0xf2, 0x9e, 0x4c];

// In a 0..1 square: layers at x = 0.27, 0.5, 0.73; 2, 3 and 2 neurons.
const layers = [
  [0.38, 0.62],
  [0.3, 0.5, 0.7],
  [0.4, 0.6],
].map((ys, i) => ys.map((y) => ({ x: 0.27 + 0.23 * i, y })));
const edges = layers
  .slice(1)
  .flatMap((to, i) => (layers[i] ?? []).flatMap((a) => to.map((b) => [a, b] as const)));
const RADIUS = 0.055;
const WIDTH = 0.012;

function segmentDistance(
  px: number,
  py: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

function colourAt(x: number, y: number): Rgb {
  for (const [i, layer] of layers.entries())
    for (const n of layer) if (Math.hypot(x - n.x, y - n.y) < RADIUS) return i === 2 ? OUT : NODE;
  for (const [a, b] of edges) if (segmentDistance(x, y, a, b) < WIDTH / 2) return EDGE;
  return NAVY;
}

function png(size: number): Buffer {
  const SAMPLES = 4; // 4×4 samples per pixel: smooth edges
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let py = 0; py < size; py++) {
    rows[py * (1 + size * 3)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
          );
          for (let k = 0; k < 3; k++) sum[k] = (sum[k] ?? 0) + c[k]!;
        }
      const at = py * (1 + size * 3) + 1 + px * 3;
      for (let k = 0; k < 3; k++) rows[at + k] = Math.round((sum[k] ?? 0) / SAMPLES ** 2);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [180, 192, 512]) {
  writeFileSync(`public/icons/icon-${size}.png`, png(size));
  console.log(`public/icons/icon-${size}.png`);
}
