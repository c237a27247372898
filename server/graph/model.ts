import neo4j, { type Integer } from 'neo4j-driver';
import type { JsonNode, JsonRelationship, JsonValue } from '../db/convert.js';
import { hopVisible, SHOW_EVERYTHING, type Visibility } from './visibility.js';

/** A node as the graph modules hand it to resolvers (the GraphNode parent). */
export interface NodeModel extends JsonNode {
  /** Its degree, when the statement computed it (only when the query asks for it). */
  readonly degree: number | null;
  /**
   * Its independent sources, when the statement counted them (only when the query asks); null or
   * absent otherwise (e.g. write results), and the resolver asks the batched loader.
   */
  readonly sourceCount?: number | null;
}

/** A relationship as resolvers receive it (the GraphEdge parent). */
export interface EdgeModel extends JsonRelationship {
  /** As {@link NodeModel.sourceCount}. */
  readonly sourceCount?: number | null;
}

/** Nodes and relationships, each once. */
export interface SubgraphModel {
  readonly nodes: NodeModel[];
  readonly edges: EdgeModel[];
}

/**
 * What a statement returns for a node: `{node, degree}` and, when the query asks for sourceCount,
 * `sources`; degree null when not asked for.
 */
export function toNodeModel(value: JsonValue | undefined): NodeModel {
  const v = value as { node: JsonNode; degree: JsonValue; sources?: JsonValue } | null | undefined;
  if (!v?.node) throw new Error('expected {node, degree} from the statement');
  // Fields named, not spread: a literal of one shape is several times cheaper per node.
  return {
    id: v.node.id,
    labels: v.node.labels,
    properties: v.node.properties,
    degree: typeof v.degree === 'number' ? v.degree : null,
    sourceCount: typeof v.sources === 'number' ? v.sources : null,
  };
}

/** Keeps the first of each id, in order. */
export function uniqueById<T extends { id: string }>(items: Iterable<T>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

/**
 * Flattens nested lists of relationships (as levelled statements return them) into unique edges.
 * Each is a relationship, or `{rel, sources}` when the statement counted its sources (edgeItem).
 */
export function uniqueEdges(value: JsonValue | undefined): EdgeModel[] {
  const out: EdgeModel[] = [];
  const walk = (v: JsonValue | undefined): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && 'rel' in v) {
      const counted = v as { rel: JsonValue; sources: JsonValue };
      out.push({
        ...(counted.rel as unknown as JsonRelationship),
        sourceCount: typeof counted.sources === 'number' ? counted.sources : null,
      });
    } else if (v && typeof v === 'object') out.push(v as unknown as EdgeModel);
  };
  walk(value);
  return uniqueById(out);
}

/**
 * The Cypher expression for a node's degree: `COUNT { (n)--() }` reads Neo4j's degree store
 * (no traversal for dense nodes), and is left out (null) when the query does not ask for it.
 * When `vis` can hide something (retracted facts), only the visible relationships count, which
 * walks them.
 */
export function degreeExpression(
  variable: string,
  wanted: boolean,
  vis: Visibility = SHOW_EVERYTHING,
): string {
  if (!wanted) return 'null';
  const shown = hopVisible(vis, `${variable}_dr`, `${variable}_dm`);
  return shown === ''
    ? `COUNT { (${variable})--() }`
    : `COUNT { (${variable})-[${variable}_dr]-(${variable}_dm) WHERE ${shown} }`;
}

/** A whole-number parameter: JavaScript numbers reach Neo4j as floats, which LIMIT and SKIP refuse. */
export function int(value: number): Integer {
  return neo4j.int(value);
}
