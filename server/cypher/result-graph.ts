import { isNode, isPath, isRelationship } from 'neo4j-driver';
import {
  nodeToJson,
  relationshipToJson,
  type JsonNode,
  type JsonRelationship,
} from '../db/convert.js';

/** A node of a console result; degree is filled in only when the query asks for it. */
export interface ResultNode extends JsonNode {
  degree: number | null;
}

/**
 * Collects every node, relationship and path found anywhere in result values (also inside lists
 * and maps) into one deduplicated subgraph, in the order first seen.
 */
export class ResultGraph {
  readonly nodes = new Map<string, ResultNode>();
  readonly edges = new Map<string, JsonRelationship>();

  /** Adds what `value` holds. */
  add(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    if (isNode(value)) {
      if (!this.nodes.has(value.elementId)) {
        this.nodes.set(value.elementId, { ...nodeToJson(value), degree: null });
      }
    } else if (isRelationship(value)) {
      if (!this.edges.has(value.elementId)) {
        this.edges.set(value.elementId, relationshipToJson(value));
      }
    } else if (isPath(value)) {
      this.add(value.start);
      for (const segment of value.segments) {
        this.add(segment.relationship);
        this.add(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) this.add(item);
    }
  }

  /** Element ids of relationship ends that are not among the nodes. */
  missingEnds(): string[] {
    const missing = new Set<string>();
    for (const edge of this.edges.values()) {
      if (!this.nodes.has(edge.start)) missing.add(edge.start);
      if (!this.nodes.has(edge.end)) missing.add(edge.end);
    }
    return [...missing];
  }
}
