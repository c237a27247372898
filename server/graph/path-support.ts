/**
 * How well a path is supported by evidence, and the order paths are listed in. Pure: the Cypher of
 * find-paths.ts reads each relationship's evidence ({@link LinkEvidence}) and this module judges it,
 * so the rule can be read and tested in one place.
 *
 * **Independent sources.** The distinct origins of the documents a relationship cites, by the one
 * rule of source-count.ts (relayed outlet, else publisher, else the document): the statement
 * returns each link's distinct origin keys, so a link's `sources` equals its relationship's
 * `sourceCount`.
 *
 * **Disputed.** A relationship is disputed when it carries `disputed: true` or names a
 * `disagreement` (how the story and the writes mark a fact that a Disagreement's claims oppose).
 *
 * **Ranking** ({@link comparePaths}): a path is as strong as its weakest link. Undisputed paths come
 * first; then the weakest link with more independent sources; then fewer links at that minimum;
 * then the shorter path; then more independent sources across the whole path; then fewer inferred
 * links; last, the relationship ids, so equal paths keep one stable order.
 */

/** What the database says about one relationship's evidence. */
export interface LinkEvidence {
  readonly edgeId: string;
  readonly type: string;
  /** One origin key per independent source (see the module comment); repeats are counted once. */
  readonly origins: readonly string[];
  /** How many distinct documents it cites. */
  readonly documents: number;
  readonly disputed: boolean;
  /** Read from context rather than stated (`inferred: true`). */
  readonly inferred: boolean;
}

/** One relationship's support, as the API gives it. */
export interface LinkSupport {
  readonly edgeId: string;
  readonly type: string;
  /** Independent sources. */
  readonly sources: number;
  readonly documents: number;
  readonly disputed: boolean;
  readonly inferred: boolean;
}

/** A path's support. */
export interface PathSupport {
  /** Each relationship's support, in path order. */
  readonly links: LinkSupport[];
  /** The least supported relationship (a disputed one first among equals, then the first along the path). */
  readonly weakestLink: LinkSupport;
  /** Independent sources of the weakest link. */
  readonly minSources: number;
  /** How many links have only `minSources`. */
  readonly weakLinks: number;
  /** Independent sources across the whole path (an origin supporting several links counts once). */
  readonly totalSources: number;
  readonly disputed: boolean;
  readonly inferredLinks: number;
}

/** The independent sources of one relationship's evidence. */
export function linkSupport(e: LinkEvidence): LinkSupport {
  return {
    edgeId: e.edgeId,
    type: e.type,
    sources: new Set(e.origins).size,
    documents: e.documents,
    disputed: e.disputed,
    inferred: e.inferred,
  };
}

/**
 * The support of the path made of `edgeIds`, from the evidence of each relationship. A
 * relationship without evidence counts as unsourced (0 sources). Throws on an empty path: a path
 * between two different nodes has at least one relationship.
 */
export function supportOf(
  edgeIds: readonly string[],
  evidence: ReadonlyMap<string, LinkEvidence>,
): PathSupport {
  if (edgeIds.length === 0) throw new Error('A path has at least one relationship.');
  const links = edgeIds.map((id) =>
    linkSupport(
      evidence.get(id) ?? {
        edgeId: id,
        type: '',
        origins: [],
        documents: 0,
        disputed: false,
        inferred: false,
      },
    ),
  );
  let weakest = links[0] as LinkSupport;
  for (const l of links) {
    if (
      l.sources < weakest.sources ||
      (l.sources === weakest.sources && l.disputed && !weakest.disputed)
    ) {
      weakest = l;
    }
  }
  const origins = new Set(edgeIds.flatMap((id) => evidence.get(id)?.origins ?? []));
  return {
    links,
    weakestLink: weakest,
    minSources: weakest.sources,
    weakLinks: links.filter((l) => l.sources === weakest.sources).length,
    totalSources: origins.size,
    disputed: links.some((l) => l.disputed),
    inferredLinks: links.filter((l) => l.inferred).length,
  };
}

/** A path with its support, as ranked. */
export interface SupportedPath {
  readonly edgeIds: readonly string[];
  readonly support: PathSupport;
}

/** Negative when `a` is better supported than `b` (sorts first); see the module comment. */
export function comparePaths(a: SupportedPath, b: SupportedPath): number {
  const sa = a.support;
  const sb = b.support;
  return (
    Number(sa.disputed) - Number(sb.disputed) ||
    sb.minSources - sa.minSources ||
    sa.weakLinks - sb.weakLinks ||
    a.edgeIds.length - b.edgeIds.length ||
    sb.totalSources - sa.totalSources ||
    sa.inferredLinks - sb.inferredLinks ||
    compareText(a.edgeIds.join('\u0000'), b.edgeIds.join('\u0000'))
  );
}

/** The paths best supported first (a new array). */
export function rankPaths<P extends SupportedPath>(paths: readonly P[]): P[] {
  return [...paths].sort(comparePaths);
}

/** The sentence the API and the path finder show about the order of the paths. */
export function supportNote(
  available: boolean,
  options: { minSources: number; excludeDisputed: boolean },
): string {
  if (!available) {
    const ignored = [
      options.minSources > 0 ? 'minSources' : '',
      options.excludeDisputed ? 'excludeDisputed' : '',
    ].filter(Boolean);
    return `This graph's facts cite no sources (no \`sources\` property), so these are plain shortest paths, not ranked by evidence${ignored.length ? ` (${ignored.join(' and ')} ignored)` : ''}.`;
  }
  const kept = [
    options.minSources > 0
      ? `only relationships with at least ${options.minSources} independent source${options.minSources === 1 ? '' : 's'}`
      : '',
    options.excludeDisputed ? 'no disputed relationship' : '',
  ].filter(Boolean);
  return `Sorted by support: undisputed first, then the weakest link's independent sources (distinct publishers or relayed outlets)${kept.length ? `; ${kept.join(', ')}` : ''}.`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
