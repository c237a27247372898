/** From this many elements on, the WebGL renderer draws the graph (cytoscape ≥ 3.31), on a GPU. */
export const WEBGL_THRESHOLD = 1500;

/**
 * From this many elements on, the explorer draws a lighter picture (see `buildStylesheet`'s
 * `detail`) and skips edges while the user pans or zooms: at that size the icons, outlines and
 * arrowheads are a few pixels wide when the whole graph is in view and cost most of each frame.
 */
export const LARGE_GRAPH_THRESHOLD = 3000;

/**
 * What the browser's WebGL2 runs on: the unmasked renderer string (e.g. "ANGLE (NVIDIA, …)" or
 * "… SwiftShader …"), or null when there is no WebGL2 at all.
 */
export interface WebglInfo {
  readonly renderer: string;
}

/**
 * Renderer strings of WebGL implementations that rasterise on the CPU: Chrome's SwiftShader, Mesa's
 * llvmpipe and softpipe, Windows' "Microsoft Basic Render Driver", and anything that says so.
 */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** True when WebGL on this renderer is emulated on the CPU (3–5× slower than canvas for graphs). */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * Which Cytoscape renderer draws `elementCount` elements: WebGL for large graphs when the browser
 * has WebGL2 on a real GPU, canvas otherwise (small graphs, no WebGL2, or software WebGL, where
 * canvas is faster because both then draw on the CPU and canvas does less work).
 */
export function chooseRenderer(elementCount: number, webgl: WebglInfo | null): 'webgl' | 'canvas' {
  if (elementCount < WEBGL_THRESHOLD || !webgl) return 'canvas';
  return isSoftwareRenderer(webgl.renderer) ? 'canvas' : 'webgl';
}

/**
 * Reads the browser's WebGL2 renderer string once (WEBGL_debug_renderer_info where offered, else
 * the plain RENDERER parameter, which browsers that retired the extension unmask themselves), and
 * releases the probe's context at once: browsers cap how many live contexts a page may hold.
 */
export function probeWebgl(): WebglInfo | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer };
  } catch {
    return null;
  }
}
