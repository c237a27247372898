// cytoscape-svg adds Core.svg(); an augmentation must live in a module file, hence the import.
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    /** The current view as an SVG document (from cytoscape-svg). */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
