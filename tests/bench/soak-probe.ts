// What the soak benchmark reads inside a worker: its own DevTools session (for its JS heap and a
// forced GC), and tf.memory() and the wasm heap of the tfjs it runs.
import type { CDPSession, Page } from '@playwright/test';

/** A dedicated worker's own DevTools session, through the browser's (Playwright has none). */
export class WorkerSession {
  private next = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
  }

  static async attach(cdp: CDPSession, urlPart: string): Promise<WorkerSession> {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
    if (target === undefined) throw new Error(`no worker whose URL has ${urlPart}`);
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerSession(cdp, sessionId);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    const reply = new Promise<T>((resolve) => this.pending.set(id, (r) => resolve(r as T)));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  }
}

/** tf.memory() and the wasm heap of the tfjs in a worker, through the engine tfjs keeps global. */
export async function tfMemory(
  page: Page,
  urlPart: string,
): Promise<{ tensors: number; bytes: number; wasm: number | null }> {
  const worker = page.workers().find((w) => w.url().includes(urlPart));
  if (worker === undefined) throw new Error(`no worker whose URL has ${urlPart}`);
  return worker.evaluate(() => {
    type Engine = {
      memory(): { numTensors: number; numBytes: number };
      registry: Record<string, { wasm?: { HEAPU8?: Uint8Array } } | undefined>;
    };
    const engine = (globalThis as { _tfengine?: Engine })._tfengine;
    if (engine === undefined) throw new Error('tfjs has not started in this worker');
    const memory = engine.memory();
    const heap = engine.registry['wasm']?.wasm?.HEAPU8;
    return { tensors: memory.numTensors, bytes: memory.numBytes, wasm: heap?.byteLength ?? null };
  });
}
