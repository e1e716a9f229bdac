// Downloads made in the page from data the worker sent: no server, no third-party request.
import type { WeightsJson } from '../../../src/core/page';

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

/** The weights file name a downloaded model.json points at, for a download prefix. */
export function weightsFileName(prefix: string): string {
  return `${prefix}.weights.bin`;
}

/**
 * tfjs' format, downloaded side by side as `<prefix>.json` and `<prefix>.weights.bin`; the JSON's
 * weightsManifest is rewritten to point at the second name, so tf.loadLayersModel reads the pair.
 */
export function downloadModel(prefix: string, modelJson: string, weights: ArrayBuffer): string[] {
  const files = [`${prefix}.json`, weightsFileName(prefix)] as const;
  const model = JSON.parse(modelJson) as { weightsManifest?: { paths: string[] }[] };
  for (const group of model.weightsManifest ?? []) group.paths = [`./${files[1]}`];
  downloadBlob(files[0], new Blob([JSON.stringify(model)], { type: 'application/json' }));
  downloadBlob(files[1], new Blob([weights], { type: 'application/octet-stream' }));
  return [...files];
}

export function downloadWeights(prefix: string, json: WeightsJson): string {
  const name = `${prefix}-pesos.json`;
  downloadBlob(name, new Blob([JSON.stringify(json)], { type: 'application/json' }));
  return name;
}
