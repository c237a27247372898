import type { QuickMeasures, StructureInput } from './compute-structure.js';

/** What the page asks of the structure worker. */
export interface StructureRequest {
  readonly job: number;
  readonly input: StructureInput;
}

/**
 * What the worker answers, in order: the cheap measures first (styling can start), then
 * betweenness; `inWorker` says the code ran in a worker scope, which the panel exposes so a test
 * can tell the work left the main thread without timing anything.
 */
export type StructureReply =
  | {
      readonly job: number;
      readonly kind: 'quick';
      readonly measures: QuickMeasures;
      readonly inWorker: boolean;
    }
  | {
      readonly job: number;
      readonly kind: 'betweenness';
      readonly betweenness: Record<string, number>;
      readonly inWorker: boolean;
    }
  | { readonly job: number; readonly kind: 'error'; readonly message: string };
