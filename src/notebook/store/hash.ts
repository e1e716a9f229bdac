// A short, stable fingerprint of a cell's original code (FNV-1a, 32 bits): enough to notice that a
// lesson changed under a reader's saved edit. Not for security.
export function hashCode(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
