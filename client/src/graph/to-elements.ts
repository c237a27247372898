import type { ElementDefinition } from 'cytoscape';
import { sizeForDegree } from '../style/style-rules.js';
import { captionOf, hasSources, type GraphEdge, type GraphNode, type Subgraph } from './model.js';

/** What a Cytoscape node carries in `data` (read back by panels, styles and exports). */
export interface NodeData {
  id: string;
  /** Text drawn under the node. */
  caption: string;
  labels: string[];
  /** The label that decides colour, shape and icon. */
  label: string;
  props: Record<string, unknown>;
  degree: number;
  /** Diameter in pixels, from the degree. */
  size: number;
  disputed: boolean;
  cited: boolean;
  /** ISO dates bounding the fact, when the data gives them (`start`/`end`). */
  start?: string;
  end?: string;
}

/** What a Cytoscape edge carries in `data`. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  props: Record<string, unknown>;
  disputed: boolean;
  cited: boolean;
  start?: string;
  end?: string;
}

export interface ToElementsOptions {
  /** Nodes already on screen: edges may end at them even if the subgraph lacks them. */
  readonly knownNodeIds?: ReadonlySet<string>;
  /** Ranks labels when a node has several: the first listed wins (e.g. the story's own labels). */
  readonly labelPriority?: readonly string[];
}

/**
 * Maps an API subgraph to Cytoscape element definitions: one node per graph node, one edge per
 * relationship whose both ends are present (in the subgraph or already on screen), with the
 * classes styles key on (`disputed`, `uncited`). Pure: no Cytoscape instance needed.
 */
export function toElements(
  subgraph: Subgraph,
  options: ToElementsOptions = {},
): ElementDefinition[] {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  const known = options.knownNodeIds ?? new Set<string>();
  const out: ElementDefinition[] = [];
  const seen = new Set<string>();
  for (const n of subgraph.nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(nodeElement(n, options.labelPriority ?? []));
  }
  for (const e of subgraph.edges) {
    if (seen.has(e.id)) continue;
    const ends = [e.source, e.target].every((id) => ids.has(id) || known.has(id));
    if (!ends) continue;
    seen.add(e.id);
    out.push(edgeElement(e));
  }
  return out;
}

/** The label a node is styled by: the first of `priority` it has, else its first label. */
export function primaryLabel(labels: readonly string[], priority: readonly string[] = []): string {
  return priority.find((l) => labels.includes(l)) ?? labels[0] ?? 'Node';
}

function nodeElement(n: GraphNode, priority: readonly string[]): ElementDefinition {
  const data: NodeData = {
    id: n.id,
    caption: truncate(captionOf(n), 40),
    labels: [...n.labels],
    label: primaryLabel(n.labels, priority),
    props: { ...n.properties },
    degree: n.degree ?? 0,
    size: sizeForDegree(n.degree ?? 0),
    disputed: n.properties['disputed'] === true,
    cited: hasSources(n.properties),
    ...dates(n.properties),
  };
  return { group: 'nodes', data: { ...data }, classes: classesOf(data) };
}

function edgeElement(e: GraphEdge): ElementDefinition {
  const data: EdgeData = {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    props: { ...e.properties },
    disputed: e.properties['disputed'] === true,
    cited: hasSources(e.properties),
    ...dates(e.properties),
  };
  return { group: 'edges', data: { ...data }, classes: classesOf(data) };
}

function classesOf(d: { disputed: boolean; cited: boolean }): string {
  return [d.disputed ? 'disputed' : '', d.cited ? '' : 'uncited'].filter(Boolean).join(' ');
}

/** `start`/`end` (or a single `date`) as ISO date strings, when they parse as dates. */
function dates(props: Readonly<Record<string, unknown>>): { start?: string; end?: string } {
  const start = isoDate(props['start'] ?? props['date']);
  const end = isoDate(props['end']) ?? start;
  return start ? { start, ...(end ? { end } : {}) } : {};
}

function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
