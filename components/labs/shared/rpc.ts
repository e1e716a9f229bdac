// Request/reply over postMessage for the labs' own workers: each request gets an id, its reply
// echoes it, and an { type: 'error' } reply rejects the matching promise.

export interface Rpc<Req extends { id: number }, Rep extends { id: number; type: string }> {
  request(message: DistributiveOmit<Req, 'id'>, transfer?: Transferable[]): Promise<Rep>;
  /** Rejects everything still pending and terminates the worker. */
  terminate(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createRpc<Req extends { id: number }, Rep extends { id: number; type: string }>(
  worker: Worker,
): Rpc<Req, Rep> {
  let next = 1;
  const pending = new Map<
    number,
    { resolve: (rep: Rep) => void; reject: (error: Error) => void }
  >();
  worker.addEventListener('message', (event: MessageEvent<Rep>) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.type === 'error')
      waiter.reject(new Error((reply as unknown as { message: string }).message));
    else waiter.resolve(reply);
  });
  worker.addEventListener('error', (event) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(event.message || 'worker error'));
    pending.clear();
  });
  return {
    request(message, transfer = []) {
      const id = next++;
      return new Promise<Rep>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...message, id }, transfer);
      });
    },
    terminate() {
      for (const waiter of pending.values()) waiter.reject(new Error('worker terminated'));
      pending.clear();
      worker.terminate();
    },
  };
}
