// Layout and export extensions ship without type declarations; these are the parts we use.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-dagre' {
  import type { Ext } from 'cytoscape';
  const dagre: Ext;
  export default dagre;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}

// The package's "exports" map has no "types" condition; its declarations sit beside src/codemirror.js.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.js';
}
