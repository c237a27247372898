import type { JsonNode, JsonRelationship, JsonValue } from '../db/convert.js';

/** The story's kinds of entity: each is a label of the story graph (cypher/README.md). */
export const STORY_KINDS = [
  'Person',
  'Organization',
  'Team',
  'Outlet',
  'Article',
  'Event',
  'Data',
  'Claim',
  'Disagreement',
] as const;

export type StoryKind = (typeof STORY_KINDS)[number];

/** `:Person|Organization|…`: the story labels as a label expression (constants, not user input). */
export const STORY_LABEL_EXPRESSION = `:${STORY_KINDS.join('|')}`;

/** An entity of the story as resolvers receive it (the parent of Person, Organization, …). */
export interface EntityModel {
  /** Element id. */
  readonly nodeId: string;
  readonly kind: StoryKind;
  readonly properties: Record<string, JsonValue>;
}

/** A relationship seen from one of its ends (the parent of Relation). */
export interface RelationModel {
  readonly edgeId: string;
  readonly type: string;
  readonly direction: 'OUTGOING' | 'INCOMING';
  readonly properties: Record<string, JsonValue>;
  readonly other: EntityModel;
}

/** One source of a fact: an article id and the verbatim quote from it (the parent of Source). */
export interface SourceModel {
  readonly articleId: string;
  readonly quote: string;
}

/** The entity a node stands for, or null when it has none of the story's labels. */
export function toEntity(node: JsonNode): EntityModel | null {
  const kind = STORY_KINDS.find((k) => node.labels.includes(k));
  return kind ? { nodeId: node.id, kind, properties: node.properties } : null;
}

/** `n` as a relationship seen from node `fromId`, or null when the other end is not a story entity. */
export function toRelation(
  fromId: string,
  rel: JsonRelationship,
  otherNode: JsonNode,
): RelationModel | null {
  const other = toEntity(otherNode);
  if (!other) return null;
  return {
    edgeId: rel.id,
    type: rel.type,
    direction: rel.start === fromId ? 'OUTGOING' : 'INCOMING',
    properties: rel.properties,
    other,
  };
}

/**
 * The sources of an element: `sources[i]` (an article id) with `quotes[i]`, aligned index by
 * index as the story's provenance model has them. Entries without an article id are skipped.
 */
export function sourcesOf(properties: Record<string, JsonValue>): SourceModel[] {
  const ids = Array.isArray(properties['sources']) ? properties['sources'] : [];
  const quotes = Array.isArray(properties['quotes']) ? properties['quotes'] : [];
  return ids.flatMap((id, i) =>
    typeof id === 'string' && id !== ''
      ? [{ articleId: id, quote: typeof quotes[i] === 'string' ? quotes[i] : '' }]
      : [],
  );
}

/** Where `quote` starts and ends in `text` (UTF-16 offsets), or nulls when it is not there. */
export function quoteRange(
  text: string | undefined,
  quote: string,
): { start: number | null; end: number | null } {
  const start = text && quote ? text.indexOf(quote) : -1;
  return start < 0 ? { start: null, end: null } : { start, end: start + quote.length };
}

/** A property as a string, or null. */
export function stringProp(p: Record<string, JsonValue>, key: string): string | null {
  const v = p[key];
  return v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
}

/** A property as a whole number, or null. */
export function intProp(p: Record<string, JsonValue>, key: string): number | null {
  const v = p[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** A property as a boolean, or null. */
export function boolProp(p: Record<string, JsonValue>, key: string): boolean | null {
  const v = p[key];
  return typeof v === 'boolean' ? v : null;
}
