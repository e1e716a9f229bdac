// The language-service worker: started when the reader first edits a cell, never on page load.
// It fetches the type environment (ts-env.json.gz), switches TypeScript's messages to pt-BR and
// answers the editor's requests (protocol.ts) from service.ts.
import { gunzipIfNeeded } from '../../core/data/gzip';
import { localize } from './check';
import type { TypeEnvironmentFile, TypesInit, TypesReply, TypesRequest } from './protocol';
import { createTypeService, type TypeService } from './service';

interface WorkerScope {
  postMessage(message: TypesReply): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<TypesInit | TypesRequest>) => void,
  ): void;
}

const worker = self as unknown as WorkerScope;
let service: Promise<TypeService> | undefined;

async function load(url: string): Promise<TypeService> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await gunzipIfNeeded(await response.arrayBuffer());
  const file = JSON.parse(new TextDecoder().decode(bytes)) as TypeEnvironmentFile;
  localize(file.messages);
  return createTypeService(new Map(Object.entries(file.files)));
}

function answer(ls: TypeService, request: TypesRequest): unknown {
  const { cells, cell } = request;
  switch (request.type) {
    case 'completions':
      return ls.completions(cells, cell, request.pos);
    case 'details':
      return ls.details(cells, cell, request.pos, request.name);
    case 'hover':
      return ls.hover(cells, cell, request.pos);
    case 'signature':
      return ls.signature(cells, cell, request.pos);
    case 'diagnostics':
      return ls.diagnostics(cells, cell);
  }
}

worker.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'init') {
    service ??= load(message.environment);
    return;
  }
  const reply = (result: TypesReply) => worker.postMessage(result);
  if (service === undefined) {
    reply({ id: message.id, ok: false, error: 'not initialized' });
    return;
  }
  service.then(
    (ls) => {
      try {
        reply({ id: message.id, ok: true, result: answer(ls, message) });
      } catch (error) {
        reply({ id: message.id, ok: false, error: String(error) });
      }
    },
    (error: unknown) => reply({ id: message.id, ok: false, error: String(error) }),
  );
});
