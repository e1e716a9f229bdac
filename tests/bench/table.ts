// Plain-text tables for the benchmarks' console output, and the number formats they share: pt-BR
// digits (decimal comma), '—' for a value that was not measured, ✓/✗ for a target.

/** `n` with up to `digits` decimals in pt-BR, or '—' when it is not a finite number. */
export function num(n: number | null | undefined, digits = 0): string {
  return typeof n === 'number' && Number.isFinite(n)
    ? n.toLocaleString('pt-BR', { maximumFractionDigits: digits })
    : '—';
}

/** ✓ met, ✗ missed, blank when there is no target. */
export function mark(pass: boolean | null): string {
  return pass === null ? ' ' : pass ? '✓' : '✗';
}

/** Columns padded to their widest cell, two spaces apart; `indent` prefixes every line. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = '',
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
