// A small static server for the built site, used by the e2e tests and the benchmarks instead of
// `astro preview`, which allows one preview per project at a time. Serves a build folder (dist/, or
// dist-test/ for the test build with its fixtures) at BASE_PATH, directories as their index.html,
// unknown paths as the site's 404 page.
// Usage: tsx scripts/serve-dist.ts [port] [folder, default dist]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1:`port` (0 = any free port) under BASE_PATH. */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  const top = normalize(resolve(root));
  const send = (response: ServerResponse, file: string, status: number) => {
    response.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  };
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(top, path.startsWith(base) ? path.slice(base.length) : '\0'));
    if (!file.startsWith(top)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file)) return send(response, file, 200);
    const notFound = join(top, '404.html');
    if (existsSync(notFound)) return send(response, notFound, 404);
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[3] ?? 'dist';
  const server = await serveStatic(root, Number(process.argv[2] ?? 4321));
  console.log(`Serving ${root}/ at ${server.url}`);
}
