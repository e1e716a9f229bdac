// Typed errors carry data; the UI words them in pt-BR (src/i18n) and always shows what was received.
// Each has a stable `code` so it survives structuredClone across a worker boundary as plain data.

export type CoreErrorData =
  | {
      code: 'shape-mismatch';
      layer: string;
      expected: (number | null)[];
      received: (number | null)[];
    }
  | { code: 'divergence'; step: number; loss: number }
  | { code: 'invalid-config'; field: string; received: unknown; reason: string }
  | { code: 'backend-unavailable'; backend: string; reason: string };

export class CoreError extends Error {
  readonly data: CoreErrorData;
  constructor(data: CoreErrorData, message: string) {
    super(message);
    this.name = 'CoreError';
    this.data = data;
  }
}

export class ShapeMismatchError extends CoreError {
  constructor(layer: string, expected: (number | null)[], received: (number | null)[]) {
    super(
      { code: 'shape-mismatch', layer, expected, received },
      `${layer}: expected shape [${expected.map(String).join(', ')}], received [${received.map(String).join(', ')}]`,
    );
    this.name = 'ShapeMismatchError';
  }
}

export class DivergenceError extends CoreError {
  constructor(step: number, loss: number) {
    super({ code: 'divergence', step, loss }, `loss became ${loss} at step ${step}`);
    this.name = 'DivergenceError';
  }
}

export class InvalidConfigError extends CoreError {
  constructor(field: string, received: unknown, reason: string) {
    super({ code: 'invalid-config', field, received, reason }, `${field}: ${reason}`);
    this.name = 'InvalidConfigError';
  }
}

export class BackendUnavailableError extends CoreError {
  constructor(backend: string, reason: string) {
    super({ code: 'backend-unavailable', backend, reason }, `${backend}: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}

export function isCoreErrorData(value: unknown): value is CoreErrorData {
  return typeof value === 'object' && value !== null && 'code' in value;
}

/** Rebuilds the typed error from its data, e.g. after it crossed a worker boundary. */
export function coreErrorFromData(data: CoreErrorData): CoreError {
  switch (data.code) {
    case 'shape-mismatch':
      return new ShapeMismatchError(data.layer, data.expected, data.received);
    case 'divergence':
      return new DivergenceError(data.step, data.loss);
    case 'invalid-config':
      return new InvalidConfigError(data.field, data.received, data.reason);
    case 'backend-unavailable':
      return new BackendUnavailableError(data.backend, data.reason);
  }
}
