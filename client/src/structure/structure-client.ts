import { computeStructure, type QuickMeasures, type StructureInput } from './compute-structure.js';
import type { StructureReply, StructureRequest } from './structure-protocol.js';

/** What a run reports, in order: the cheap measures, then betweenness (or an error). */
export interface StructureRunHandlers {
  quick(measures: QuickMeasures, inWorker: boolean): void;
  betweenness(values: Record<string, number>, inWorker: boolean): void;
  error(message: string): void;
}

/**
 * Runs structure computations in a Web Worker, one at a time: a new run replaces the one under
 * way, and cancel stops it by terminating the worker (Brandes has no safe point to stop at), so
 * the next run starts a fresh one. Where no worker can start, it computes on the main thread.
 */
export class StructureClient {
  private worker: Worker | null = null;
  private job = 0;
  private handlers: StructureRunHandlers | null = null;
  /** Whether a run is under way (its betweenness not yet back). */
  running = false;

  run(input: StructureInput, handlers: StructureRunHandlers): void {
    this.cancel();
    this.handlers = handlers;
    this.running = true;
    const job = ++this.job;
    const worker = this.ensureWorker();
    if (!worker) {
      // No worker (a very old browser, or a test page without one): the same code, inline.
      queueMicrotask(() => {
        try {
          const m = computeStructure(input);
          this.deliver({ job, kind: 'quick', measures: m, inWorker: false });
          this.deliver({ job, kind: 'betweenness', betweenness: m.betweenness, inWorker: false });
        } catch (err) {
          this.deliver({ job, kind: 'error', message: String(err) });
        }
      });
      return;
    }
    const request: StructureRequest = { job, input };
    worker.postMessage(request);
  }

  /** Stops the run under way, if any; its results, should they still arrive, are dropped. */
  cancel(): void {
    this.job++;
    this.handlers = null;
    if (this.running && this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
    this.running = false;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    try {
      // Vite bundles the worker and its graphology imports into a chunk of their own.
      this.worker = new Worker(new URL('./structure-worker.ts', import.meta.url), {
        type: 'module',
        name: 'structure',
      });
    } catch {
      return null;
    }
    this.worker.onmessage = (e: MessageEvent<StructureReply>) => this.deliver(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.deliver({ job: this.job, kind: 'error', message: e.message || 'the worker failed' });
      this.worker?.terminate();
      this.worker = null;
    };
    return this.worker;
  }

  private deliver(reply: StructureReply): void {
    const h = this.handlers;
    if (reply.job !== this.job || !h) return;
    if (reply.kind === 'quick') h.quick(reply.measures, reply.inWorker);
    else if (reply.kind === 'betweenness') {
      this.running = false;
      h.betweenness(reply.betweenness, reply.inWorker);
    } else {
      this.running = false;
      h.error(reply.message);
    }
  }
}
