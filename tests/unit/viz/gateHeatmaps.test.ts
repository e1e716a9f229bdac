import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationSnapshot } from '../../../src/core/types';
import { gateHeatmaps, gatesFromSnapshot } from '../../../src/viz/gateHeatmaps';
import { createDocument, pixelAt } from './fake-dom';
import { legendTicks, legendTitles, rasterPixels } from './helpers';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

const steps = 6;
const units = 4;
/** [timesteps, units] where unit u at step s is f(s, u). */
function seq(f: (s: number, u: number) => number) {
  return {
    shape: [steps, units],
    values: Float32Array.from({ length: steps * units }, (_, n) =>
      f(Math.floor(n / units), n % units),
    ),
  };
}
const gates = {
  i: seq(() => 0.9),
  f: seq((s) => s / (steps - 1)),
  o: seq(() => 0.1),
  c: seq((s, u) => (u % 2 === 0 ? s : -s)),
  h: seq((_, u) => Math.tanh(u - 1.5)),
};

describe('gateHeatmaps', () => {
  it('stacks five labelled panels: i, f, o, c, h', () => {
    const root = gateHeatmaps(gates, { document });
    const panels = Array.from(root.querySelectorAll('[data-panel]'));
    expect(panels.map((p) => p.getAttribute('data-panel'))).toEqual(['i', 'f', 'o', 'c', 'h']);
    expect(panels.map((p) => p.querySelector('figcaption')?.textContent)).toEqual([
      'porta de entrada (i)',
      'porta de esquecimento (f)',
      'porta de saída (o)',
      'estado da célula (c)',
      'estado oculto (h)',
    ]);
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('Portas e estados da LSTM a cada passo de tempo');
    expect(root.getAttribute('aria-description')).toContain('6 passos de tempo');
    for (const p of panels) expect(p.querySelector('svg[aria-label]')).not.toBeNull();
  });

  it('draws time across and units down', () => {
    const root = gateHeatmaps(gates, { document });
    const forget = rasterPixels(root.querySelector('[data-panel="f"]')!);
    expect([forget.width, forget.height]).toEqual([steps, units]);
    // f rises with time, so the first column differs from the last, and all units agree.
    expect(pixelAt(forget, 0, 0)).not.toEqual(pixelAt(forget, steps - 1, 0));
    expect(pixelAt(forget, 2, 0)).toEqual(pixelAt(forget, 2, units - 1));
  });

  it('puts the gates on one 0–1 legend and each signed state on a symmetric one', () => {
    const root = gateHeatmaps(gates, { document });
    const legendOf = (key: string) => legendTicks(root.querySelector(`[data-panel="${key}"]`)!);
    expect(legendOf('i')).toEqual([]);
    expect(legendOf('o')).toEqual(['0', '0,2', '0,4', '0,6', '0,8', '1']);
    expect(legendOf('c')).toEqual(['-5', '-2,5', '0', '2,5', '5']);
    expect(legendTitles(root)).toContain('← negativo · estado da célula · positivo →');
  });

  it('draws only the gates given, in the order asked', () => {
    const root = gateHeatmaps(gates, { document, gates: ['h', 'c'] });
    const keys = Array.from(root.querySelectorAll('[data-panel]'), (p) =>
      p.getAttribute('data-panel'),
    );
    expect(keys).toEqual(['h', 'c']);
  });

  it('refuses panels of different sizes', () => {
    expect(() =>
      gateHeatmaps({ i: gates.i, f: { shape: [2, 2], values: [0, 0, 0, 0] } }, { document }),
    ).toThrow(RangeError);
  });
});

describe('gatesFromSnapshot', () => {
  it("picks one LSTM layer's gates out of a snapshot's activations", () => {
    const act = (layer: string, kind: ActivationSnapshot['kind']): ActivationSnapshot => ({
      layer,
      kind,
      shape: [1, steps, units],
      values: new Float32Array(steps * units),
    });
    const snapshot = [
      act('dense_1', 'output'),
      act('lstm_1', 'i'),
      act('lstm_1', 'h'),
      act('lstm_2', 'i'),
    ];
    expect(Object.keys(gatesFromSnapshot(snapshot))).toEqual(['i', 'h']);
    expect(gatesFromSnapshot(snapshot, 'lstm_2').i).toBe(snapshot[3]);
  });
});
