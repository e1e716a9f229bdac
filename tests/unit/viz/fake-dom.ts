// A DOM for rendering charts under Node: linkedom plus the sliver of <canvas> that Plot's raster
// and colour-ramp legend use (createImageData, putImageData, fillRect, toDataURL). toDataURL
// writes a real PNG, so tests can read pixels back and a dumped chart opens in a browser.
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

interface FakeImageData {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function parseColor(style: string): [number, number, number, number] {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(style.trim());
  if (rgb) return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 255 : +rgb[4] * 255];
  const hex = /^#([0-9a-f]{6})$/i.exec(style.trim());
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 255];
  }
  throw new Error(`fake canvas: unsupported fillStyle ${style}`);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (filter 0 on every row). */
export function encodePng(image: FakeImageData): string {
  const { width, height, data } = image;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Reads back a PNG written by encodePng. */
export function decodePng(href: string): FakeImageData {
  const png = Buffer.from(href.replace(/^data:image\/png;base64,/, ''), 'base64');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    data.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, data };
}

/** [r, g, b, a] of pixel (x, y). */
export function pixelAt(image: FakeImageData, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

function fakeCanvas(canvas: HTMLElement): void {
  let width = 300;
  let height = 150;
  let image: FakeImageData = { width, height, data: new Uint8ClampedArray(width * height * 4) };
  const resize = () => {
    image = { width, height, data: new Uint8ClampedArray(width * height * 4) };
  };
  Object.defineProperties(canvas, {
    width: { get: () => width, set: (v: number) => ((width = v), resize()) },
    height: { get: () => height, set: (v: number) => ((height = v), resize()) },
  });
  const context = {
    fillStyle: '#000000',
    createImageData: (w: number, h: number): FakeImageData => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(w * h * 4),
    }),
    putImageData: (source: FakeImageData) => {
      image.data.set(source.data.subarray(0, image.data.length));
    },
    // Paths are counted, not drawn: specs of live curves check what was added per update.
    ops: [] as string[],
    ...Object.fromEntries(
      ['save', 'restore', 'beginPath', 'rect', 'clip', 'moveTo', 'lineTo', 'stroke', 'setLineDash']
        .concat(['clearRect', 'setTransform'])
        .map((name) => [name, () => void context.ops.push(name)]),
    ),
    fillRect: (x: number, y: number, w: number, h: number) => {
      const rgba = parseColor(context.fillStyle);
      for (let j = y; j < y + h; j++) {
        for (let i = x; i < x + w; i++) image.data.set(rgba, (j * width + i) * 4);
      }
    },
  };
  Object.assign(canvas, { getContext: () => context, toDataURL: () => encodePng(image) });
}

/** A fresh document whose <canvas> elements work well enough for Plot. */
export function createDocument(): Document {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const createElement = document.createElement.bind(document);
  document.createElement = ((name: string, options?: ElementCreationOptions) => {
    const el = createElement(name, options);
    if (name.toLowerCase() === 'canvas') fakeCanvas(el as unknown as HTMLElement);
    return el;
  }) as typeof document.createElement;
  return document as unknown as Document;
}
