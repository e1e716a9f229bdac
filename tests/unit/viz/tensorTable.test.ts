import { beforeAll, describe, expect, it } from 'vitest';
import { tensorTable } from '../../../src/viz/tensorTable';
import { createDocument } from './fake-dom';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

const cells = (root: Element) =>
  Array.from(root.querySelectorAll('tbody tr'), (tr) =>
    Array.from(tr.querySelectorAll('td'), (td) => td.textContent),
  );

describe('tensorTable', () => {
  it('shows shape and dtype in the caption and values with decimal commas', () => {
    const root = tensorTable(
      { shape: [2, 3], values: [0.5, -1.25, 3, 1000.5, 0, -0.00001] },
      { document },
    );
    expect(root.querySelector('figcaption')?.textContent).toBe(
      'Tensor com formato (2, 3) e tipo float32',
    );
    expect(cells(root)).toEqual([
      ['0,5', '-1,25', '3'],
      ['1.000,5', '0', '0'],
    ]);
    expect(Array.from(root.querySelectorAll('thead th'), (th) => th.textContent)).toEqual([
      '',
      '0',
      '1',
      '2',
    ]);
  });

  it('cuts long axes in the middle and says how much is shown', () => {
    const values = Float32Array.from({ length: 20 * 20 }, (_, n) => n);
    const root = tensorTable(
      { shape: [20, 20], values, dtype: 'int32' },
      { document, maxRows: 4, maxCols: 4 },
    );
    const rows = cells(root);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['0', '1', '…', '18', '19']);
    expect(rows[2]).toEqual(['…', '…', '…', '…', '…']);
    expect(rows[4]).toEqual(['380', '381', '…', '398', '399']);
    expect(root.querySelector('figcaption')?.textContent).toContain('mostrando 16 de 400 valores');
  });

  it('shows rank-3 tensors as captioned 2-D slices', () => {
    const values = Float32Array.from({ length: 5 * 2 * 2 }, (_, n) => n);
    const root = tensorTable({ shape: [5, 2, 2], values }, { document, maxSlices: 2 });
    const captions = Array.from(root.querySelectorAll('table caption'), (c) => c.textContent);
    expect(captions).toEqual(['fatia [0, :, :]', 'fatia [4, :, :]']);
    expect(cells(root).slice(2)).toEqual([
      ['16', '17'],
      ['18', '19'],
    ]);
  });

  it('shows a scalar and a vector', () => {
    expect(cells(tensorTable({ shape: [], values: [3.14159] }, { document }))).toEqual([
      ['3,1416'],
    ]);
    expect(cells(tensorTable({ shape: [3], values: [1, 2, 3] }, { document }))).toEqual([
      ['1', '2', '3'],
    ]);
  });

  it('puts text in as text: a dtype or label that looks like markup stays inert', () => {
    const root = tensorTable(
      { shape: [1], values: [1], dtype: '<img src=x onerror=alert(1)>' },
      { document, ariaLabel: '<script>x</script>' },
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('figcaption')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.getAttribute('aria-label')).toBe('<script>x</script>');
  });
});
