import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { buildStylesheet, type Theme } from '../style/style-rules.js';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** From this many elements on, the WebGL renderer draws the graph (cytoscape ≥ 3.31). */
export const WEBGL_THRESHOLD = 1500;
/** From this many elements on, edges and labels are hidden while the view moves. */
const LIGHT_VIEWPORT_THRESHOLD = 600;

export interface CyFactoryOptions {
  readonly container: HTMLElement;
  readonly theme: Theme;
  readonly labels: readonly string[];
  readonly edgeLabels: boolean;
  readonly elements?: ElementDefinition[];
  /** Size the renderer is chosen for (elements about to be shown). */
  readonly expectedElements: number;
}

/** True when a graph of `elementCount` elements should be drawn with WebGL. */
export function wantsWebgl(elementCount: number): boolean {
  return elementCount >= WEBGL_THRESHOLD && webglAvailable();
}

let webglSupport: boolean | undefined;
function webglAvailable(): boolean {
  if (webglSupport === undefined) {
    try {
      webglSupport = !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webglSupport = false;
    }
  }
  return webglSupport;
}

/**
 * Creates the Cytoscape instance. Small graphs get the canvas renderer with crisp labels; large
 * ones get WebGL and skip edges and labels while panning or zooming, so they stay fluid. The
 * renderer cannot change on a live instance, so the explorer recreates it when a graph crosses
 * the threshold.
 */
export function createCy(options: CyFactoryOptions): Core {
  const large = options.expectedElements >= LIGHT_VIEWPORT_THRESHOLD;
  const webgl = wantsWebgl(options.expectedElements);
  const init: CytoscapeOptions = {
    container: options.container,
    elements: options.elements ?? [],
    style: buildStylesheet({
      theme: options.theme,
      labels: options.labels,
      edgeLabels: options.edgeLabels,
    }),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'additive',
    hideEdgesOnViewport: large,
    hideLabelsOnViewport: large,
    textureOnViewport: large && !webgl,
    pixelRatio: large ? 1 : 'auto',
  };
  if (webgl)
    (init as CytoscapeOptions & { renderer: object }).renderer = { name: 'canvas', webgl: true };
  return cytoscape(init);
}
