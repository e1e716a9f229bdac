// Downloads made in the page from data the worker sent: no server, no third-party request.
import type { WeightsJson } from '../../../src/core/index';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The weights file name model.json must point at, for a download prefix. */
export function weightsFileName(prefix: string): string {
  return `${prefix}.weights.bin`;
}

/**
 * tfjs' format: `<prefix>.json` pointing at `<prefix>.weights.bin` (build modelJson with
 * toModelFiles(artifacts, weightsFileName(prefix))), downloaded side by side.
 */
export function downloadModel(prefix: string, modelJson: string, weights: ArrayBuffer): string[] {
  const files = [`${prefix}.json`, weightsFileName(prefix)] as const;
  downloadBlob(files[0], new Blob([modelJson], { type: 'application/json' }));
  downloadBlob(files[1], new Blob([weights], { type: 'application/octet-stream' }));
  return [...files];
}

export function downloadWeights(prefix: string, json: WeightsJson): string {
  const name = `${prefix}-pesos.json`;
  downloadBlob(name, new Blob([JSON.stringify(json)], { type: 'application/json' }));
  return name;
}
