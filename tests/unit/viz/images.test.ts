import { beforeAll, describe, expect, it } from 'vitest';
import { featureMaps } from '../../../src/viz/featureMaps';
import { digitImage, imageGrid } from '../../../src/viz/images';
import { createDocument, pixelAt } from './fake-dom';
import { chartSvg, lightness, rasterPixels, texts } from './helpers';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

describe('digitImage', () => {
  it('draws a 28×28 digit, ink dark on a light ground', () => {
    const values = new Float32Array(784);
    values[14 * 28 + 14] = 1; // one inked pixel in the middle
    const root = digitImage(values, { document });
    const image = rasterPixels(root);
    expect([image.width, image.height]).toEqual([28, 28]);
    expect(lightness(pixelAt(image, 14, 14))).toBeLessThan(40);
    expect(lightness(pixelAt(image, 0, 0))).toBeGreaterThan(240);
    expect(chartSvg(root).getAttribute('aria-label')).toBe('Imagem de um dígito, 28×28 pixels');
  });

  it('reads 0–255 pixels on a 0–255 scale', () => {
    const values = new Uint8Array(784).fill(128);
    const mid = lightness(pixelAt(rasterPixels(digitImage(values, { document })), 5, 5));
    expect(mid).toBeGreaterThan(60);
    expect(mid).toBeLessThan(200);
  });

  it('refuses a length that is not a square image', () => {
    expect(() => digitImage(new Float32Array(100 + 1), { document })).toThrow(/not a square/);
  });
});

describe('featureMaps', () => {
  it('draws one captioned grayscale tile per channel of [1, h, w, c]', () => {
    const values = Float32Array.from({ length: 4 * 4 * 6 }, (_, n) => n % 6);
    const root = featureMaps({ shape: [1, 4, 4, 6], values }, { document });
    expect(texts(root).filter((t) => t.startsWith('canal '))).toEqual([
      'canal 0',
      'canal 1',
      'canal 2',
      'canal 3',
      'canal 4',
      'canal 5',
    ]);
    expect(chartSvg(root).getAttribute('aria-label')).toBe(
      'Mapas de características com formato (1, 4, 4, 6)',
    );
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      '6 canais de 4×4 pixels em tons de cinza',
    );
  });

  it('stretches each channel to full contrast, or shares one scale on request', () => {
    // Channel 0 ramps 0…1, channel 1 ramps 0…10: per channel both reach black.
    const values = new Float32Array(2 * 2 * 2);
    [0, 1, 0.5, 1].forEach((v, p) => {
      values[p * 2] = v;
      values[p * 2 + 1] = v * 10;
    });
    const darkest = (root: Element) => {
      const image = rasterPixels(root);
      let min = 255;
      let count = 0;
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) {
          const p = pixelAt(image, x, y);
          if (p[3] === 0) continue;
          if (lightness(p) < min - 1) [min, count] = [lightness(p), 1];
          else if (Math.abs(lightness(p) - min) <= 1) count++;
        }
      return count;
    };
    const each = featureMaps({ shape: [2, 2, 2], values }, { document, cellSize: 1 });
    const shared = featureMaps(
      { shape: [2, 2, 2], values },
      { document, cellSize: 1, normalize: 'shared' },
    );
    expect(darkest(each)).toBe(4); // two black pixels in each channel
    expect(darkest(shared)).toBe(2); // only channel 1's maxima reach 10
    expect(chartSvg(shared).getAttribute('aria-description')).toContain('de 0 a 10');
  });
});

describe('imageGrid', () => {
  it('captions images with the given text, never parsed as markup', () => {
    const img = { shape: [3, 3], values: new Float32Array(9) };
    const root = imageGrid([img, img], { document, captions: ['<b>sete</b>', 'um'] });
    expect(texts(root)).toEqual(expect.arrayContaining(['<b>sete</b>', 'um']));
    expect(root.querySelector('b')).toBeNull();
    expect(chartSvg(root).getAttribute('aria-label')).toBe('Grade de 2 imagens de 3×3 pixels');
  });

  it('refuses images of different sizes', () => {
    const a = { shape: [3, 3], values: new Float32Array(9) };
    const b = { shape: [2, 2], values: new Float32Array(4) };
    expect(() => imageGrid([a, b], { document })).toThrow(RangeError);
  });
});
