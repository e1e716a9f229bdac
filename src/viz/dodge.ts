// Label placement that keeps text apart: end labels of curves nudged apart vertically, and the
// ticks of a colour ramp thinned until their texts fit side by side. Pure pixel arithmetic.

/**
 * Moves 1-D label positions (pixels) apart so neighbours are at least `gap` apart, keeping their
 * order and staying within [lo, hi] when there is room: each label moves as little as a
 * stack pushed from above and then from below allows. Returns positions in the input's order.
 */
export function dodge(
  positions: readonly number[],
  gap: number,
  lo = -Infinity,
  hi = Infinity,
): number[] {
  const order = positions
    .map((_, i) => i)
    .sort((a, b) => (positions[a] as number) - (positions[b] as number));
  const placed = order.map((i) => Math.min(hi, Math.max(lo, positions[i] as number)));
  // Push down: each label at least `gap` below the one above it.
  for (let k = 1; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] as number, (placed[k - 1] as number) + gap);
  }
  // Pull back up from the bottom edge when the stack ran past it.
  const last = placed.length - 1;
  if (last >= 0 && (placed[last] as number) > hi) {
    placed[last] = hi;
    for (let k = last - 1; k >= 0; k--) {
      placed[k] = Math.min(placed[k] as number, (placed[k + 1] as number) - gap);
    }
  }
  // A stack taller than [lo, hi] keeps its gaps and starts at lo.
  if (placed.length > 0 && (placed[0] as number) < lo) {
    placed[0] = lo;
    for (let k = 1; k < placed.length; k++) {
      placed[k] = Math.max(placed[k] as number, (placed[k - 1] as number) + gap);
    }
  }
  const out = new Array<number>(positions.length);
  order.forEach((i, k) => {
    out[i] = placed[k] as number;
  });
  return out;
}

/** Estimated pixel width of `text` at `fontSize` in a sans-serif UI font (digits ≈ 0.56 em). */
export function textWidth(text: string, fontSize = 10): number {
  return Math.ceil(text.length * fontSize * 0.62);
}

/**
 * The ticks of a ramp `width` px wide over [ticks[0], ticks[last]] whose labels fit without
 * touching (`pad` px between them): the ends always, then the middle (zero of a diverging
 * ramp), then the quarter ticks only when every label still fits. `ticks` are sorted values.
 */
export function thinTicks(
  ticks: readonly number[],
  format: (v: number) => string,
  width: number,
  fontSize = 10,
  pad = 6,
): number[] {
  if (ticks.length <= 2) return [...ticks];
  const lo = ticks[0] as number;
  const hi = ticks[ticks.length - 1] as number;
  const span = hi - lo || 1;
  const x = (v: number) => ((v - lo) / span) * width;
  const fits = (list: readonly number[]): boolean =>
    list.every((v, k) => {
      if (k === 0) return true;
      const prev = list[k - 1] as number;
      const room = x(v) - x(prev);
      return room >= (textWidth(format(prev), fontSize) + textWidth(format(v), fontSize)) / 2 + pad;
    });
  if (fits(ticks)) return [...ticks];
  // Every other tick, keeping both ends (for 5 ticks: ends and middle).
  const half = ticks.filter((_, k) => k % 2 === 0 || k === ticks.length - 1);
  if (half.length < ticks.length && fits(half)) return half;
  return [lo, hi];
}
