import { betweenness, buildGraph, quickMeasures } from './compute-structure.js';
import type { StructureReply, StructureRequest } from './structure-protocol.js';

/**
 * Computes the structure of the picture off the main thread: betweenness on 10,000 nodes takes
 * seconds, which on the main thread would freeze panning and clicks. Cancel is terminating this
 * worker (the page starts a new one), since Brandes cannot be interrupted between sources.
 */
// The DOM library types `self` as a Window; a worker's scope has a one-argument postMessage.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<StructureRequest>) => void) | null;
  postMessage(message: StructureReply): void;
};
const inWorker = 'WorkerGlobalScope' in globalThis && typeof document === 'undefined';

scope.onmessage = (e: MessageEvent<StructureRequest>) => {
  const { job, input } = e.data;
  const reply = (r: StructureReply): void => scope.postMessage(r);
  try {
    const graph = buildGraph(input);
    reply({ job, kind: 'quick', measures: quickMeasures(input, graph), inWorker });
    reply({ job, kind: 'betweenness', betweenness: betweenness(graph), inWorker });
  } catch (err) {
    reply({ job, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
