// Why the browser's storage refused a read or a write, in the reader's words (shown in the notebook's
// and the exercises' save messages).
export function storageErrorReason(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError')
    return 'espaço esgotado';
  if (error instanceof DOMException && error.name === 'SecurityError')
    return 'armazenamento bloqueado';
  return error instanceof Error ? error.message : String(error);
}
