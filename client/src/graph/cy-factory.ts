import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { buildStylesheet, type Detail } from '../style/stylesheet.js';
import { lodStylesheet } from './level-of-detail-elements.js';
import type { Theme } from '../style/style-rules.js';
import {
  chooseRenderer,
  LARGE_GRAPH_THRESHOLD,
  probeWebgl,
  type WebglInfo,
} from './renderer-choice.js';

cytoscape.use(fcose);

let dagreLoaded: Promise<void> | undefined;
/**
 * Registers the dagre layout the first time someone picks it: it is a hierarchical layout few
 * views use, and the first page does not carry it (fCoSE, the default, is registered above).
 */
export function loadDagre(): Promise<void> {
  dagreLoaded ??= import('cytoscape-dagre').then(
    ({ default: dagre }) => void cytoscape.use(dagre),
    (e: unknown) => {
      dagreLoaded = undefined;
      throw e;
    },
  );
  return dagreLoaded;
}

export interface CyFactoryOptions {
  readonly container: HTMLElement;
  readonly theme: Theme;
  readonly labels: readonly string[];
  readonly edgeLabels: boolean;
  readonly elements?: ElementDefinition[];
  /** Size the renderer is chosen for (elements about to be shown). */
  readonly expectedElements: number;
}

/**
 * How an instance for a graph of `elementCount` elements is set up: which renderer draws it and
 * whether it is large (light stylesheet, pixel ratio 1, edges hidden and a texture shown while
 * the user pans or zooms). An instance is recreated when this changes.
 */
export interface RenderProfile {
  readonly webgl: boolean;
  readonly large: boolean;
}

export function renderProfile(elementCount: number): RenderProfile {
  return {
    webgl: chooseRenderer(elementCount, webglInfo()) === 'webgl',
    large: elementCount >= LARGE_GRAPH_THRESHOLD,
  };
}

/** The stylesheet detail for a graph of `elementCount` elements. */
export function detailFor(elementCount: number): Detail {
  return elementCount >= LARGE_GRAPH_THRESHOLD ? 'light' : 'full';
}

let probed: { info: WebglInfo | null } | undefined;
/** The browser's WebGL2 renderer, probed once per page. */
function webglInfo(): WebglInfo | null {
  probed ??= { info: probeWebgl() };
  return probed.info;
}

/**
 * Creates the Cytoscape instance. Small graphs get the canvas renderer with crisp labels and the
 * full stylesheet; large ones get WebGL (on a real GPU only: software WebGL is slower than canvas),
 * the light stylesheet, and skip edges while the user pans or zooms, so they stay fluid. The
 * renderer cannot change on a live instance, so the explorer recreates it when a graph crosses
 * a threshold.
 */
export function createCy(options: CyFactoryOptions): Core {
  const { webgl, large } = renderProfile(options.expectedElements);
  const init: CytoscapeOptions = {
    container: options.container,
    elements: options.elements ?? [],
    style: [
      ...buildStylesheet({
        theme: options.theme,
        labels: options.labels,
        edgeLabels: options.edgeLabels,
        detail: detailFor(options.expectedElements),
      }),
      // Aggregates of a simplified picture (level-of-detail.ts) survive a renderer switch.
      ...lodStylesheet(options.theme),
    ],
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'additive',
    motionBlur: false,
    hideEdgesOnViewport: large,
    hideLabelsOnViewport: large,
    textureOnViewport: large && !webgl,
    pixelRatio: large ? 1 : 'auto',
  };
  if (webgl)
    (init as CytoscapeOptions & { renderer: object }).renderer = { name: 'canvas', webgl: true };
  return cytoscape(init);
}
