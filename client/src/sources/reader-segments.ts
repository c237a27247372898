/** A span of the source the reader marks: a cited passage or a mention of a node. */
export interface Mark {
  readonly start: number;
  readonly end: number;
}

/** One run of text with the same marks: which cited passages and which mention cover it. */
export interface Segment<C, M> {
  readonly start: number;
  readonly end: number;
  readonly cited: readonly C[];
  readonly mention: M | null;
}

/**
 * Cuts a text into runs where the set of marks changes, so cited passages (which may overlap
 * each other) and mentions (which never overlap each other) can both be drawn: a highlighted run
 * lists every passage covering it, an underlined run its mention.
 */
export function segments<C extends Mark, M extends Mark>(
  length: number,
  cited: readonly C[],
  mentions: readonly M[],
): Segment<C, M>[] {
  const inside = (m: Mark, at: number): boolean => m.start <= at && at < m.end;
  const cuts = new Set<number>([0, length]);
  for (const m of [...cited, ...mentions]) {
    if (m.start >= 0 && m.end <= length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<C, M>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    out.push({
      start,
      end,
      cited: cited.filter((c) => inside(c, start)),
      mention: mentions.find((m) => inside(m, start)) ?? null,
    });
  }
  return out;
}
