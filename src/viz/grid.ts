// The sampling grid shared by a chart and whoever fills it: decision boundaries and loss
// landscapes are a model evaluated at these points, in this order, and drawn by Plot.raster /
// Plot.contour with the same convention (row-major, row 0 at the low end of the vertical axis).

export type Range = readonly [number, number];

/**
 * Sample centres of a gridSize × gridSize grid over [x0, x1] × [y0, y1], as [gridSize², 2]
 * (x, y) pairs: sample i·gridSize + j sits at x = x0 + (j + ½)·Δx, y = y0 + (i + ½)·Δy.
 */
export function gridPoints(gridSize: number, x: Range, y: Range): Float32Array {
  const out = new Float32Array(gridSize * gridSize * 2); // [gridSize², 2]
  const dx = (x[1] - x[0]) / gridSize;
  const dy = (y[1] - y[0]) / gridSize;
  for (let i = 0; i < gridSize; i++) {
    for (let j = 0; j < gridSize; j++) {
      const k = (i * gridSize + j) * 2;
      out[k] = x[0] + (j + 0.5) * dx;
      out[k + 1] = y[0] + (i + 0.5) * dy;
    }
  }
  return out;
}

export function checkGrid(values: ArrayLike<number>, gridSize: number, where: string): number {
  const cells = gridSize * gridSize;
  if (!Number.isInteger(gridSize) || gridSize < 2 || values.length % cells !== 0) {
    throw new RangeError(
      `${where}: ${values.length} values do not fill a ${gridSize}×${gridSize} grid`,
    );
  }
  return values.length / cells;
}
