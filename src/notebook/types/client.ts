// The page's side of the language-service worker: one worker per page, started by the first
// request (the editor makes one only once the reader edits a cell). Requests are answered in
// order; a newer request of the same kind for the same cell does not cancel an older one.
import type { TypesInit, TypesReply, TypesRequest, TypesResults } from './protocol';

type Kind = keyof TypesResults;
type Extra<K extends Kind> = Omit<
  Extract<TypesRequest, { type: K }>,
  'id' | 'type' | 'cells' | 'cell'
>;

export interface TypesClient {
  request<K extends Kind>(
    kind: K,
    cells: readonly string[],
    cell: number,
    extra: Extra<K>,
  ): Promise<TypesResults[K]>;
}

export function createTypesClient(): TypesClient {
  const worker = new Worker(new URL('./ls.worker.ts', import.meta.url), { type: 'module' });
  const init: TypesInit = {
    type: 'init',
    environment: new URL(`${import.meta.env.BASE_URL}data/ts-env.json.gz`, location.href).href,
  };
  worker.postMessage(init);
  let next = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.addEventListener('message', (event: MessageEvent<TypesReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.error));
  });
  worker.addEventListener('error', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('types worker failed'));
    pending.clear();
  });
  return {
    request(kind, cells, cell, extra) {
      const id = next++;
      const message = { ...extra, id, type: kind, cells, cell } as TypesRequest;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage(message);
      });
    },
  };
}
