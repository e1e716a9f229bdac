// The MNIST pack travels gzipped (public/data/mnist.bin.gz, ~420 KB instead of 1.96 MB) whatever
// the host does with `.bin` files. A host that labels `.gz` with Content-Encoding: gzip has the
// browser unpack it already, so the bytes are checked, not the headers: gzip's magic number says
// whether they still need DecompressionStream (a web standard, in workers and in Node alike).

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: ArrayBuffer): boolean {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** `bytes` unpacked when they are gzip, as they are otherwise. */
export async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}
