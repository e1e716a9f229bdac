import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded, isGzip } from '../../../src/core/data/gzip';

const raw = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 251);
const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('gunzipIfNeeded', () => {
  it('unpacks gzip bytes', async () => {
    const packed = buffer(gzipSync(raw));
    expect(isGzip(packed)).toBe(true);
    expect(new Uint8Array(await gunzipIfNeeded(packed))).toEqual(raw);
  });
  it('passes bytes a host already unpacked through unchanged', async () => {
    const plain = buffer(raw);
    expect(isGzip(plain)).toBe(false);
    expect(new Uint8Array(await gunzipIfNeeded(plain))).toEqual(raw);
    expect(await gunzipIfNeeded(new ArrayBuffer(0))).toHaveProperty('byteLength', 0);
  });
});
