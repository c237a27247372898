/** How one kind of node is drawn. */
export interface LabelStyle {
  readonly color: string;
  readonly shape: NodeShape;
  readonly icon: string;
}

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'round-hexagon'
  | 'round-diamond'
  | 'round-tag'
  | 'rectangle'
  | 'barrel'
  | 'round-octagon'
  | 'round-triangle';

export type Theme = 'light' | 'dark';

/** The story's labels get hand-picked styles; every other label gets one from the palette. */
export const KNOWN_LABEL_STYLES: Readonly<Record<string, LabelStyle>> = {
  Person: { color: '#4C8EDA', shape: 'ellipse', icon: 'person' },
  Organization: { color: '#D9668E', shape: 'round-rectangle', icon: 'building' },
  Team: { color: '#6DBE7B', shape: 'round-hexagon', icon: 'team' },
  Outlet: { color: '#F08A4B', shape: 'round-tag', icon: 'newspaper' },
  Article: { color: '#A77BCA', shape: 'rectangle', icon: 'document' },
  Event: { color: '#E0AC2B', shape: 'round-diamond', icon: 'calendar' },
  Data: { color: '#3FB6D3', shape: 'barrel', icon: 'data' },
  Claim: { color: '#8C97A8', shape: 'round-rectangle', icon: 'quote' },
  Disagreement: { color: '#E5484D', shape: 'round-octagon', icon: 'split' },
};

/** Colour-blind-aware palette for labels the story does not know (any other Neo4j graph). */
export const PALETTE = [
  '#4C8EDA',
  '#D9668E',
  '#6DBE7B',
  '#F08A4B',
  '#A77BCA',
  '#E0AC2B',
  '#3FB6D3',
  '#C46A4A',
  '#7A8CE0',
  '#58A89A',
  '#B5894F',
  '#9B6BB0',
] as const;

const FALLBACK_SHAPES: readonly NodeShape[] = [
  'ellipse',
  'round-rectangle',
  'round-hexagon',
  'round-diamond',
];

/** The style of a label: hand-picked for the story's labels, else stable by the label's hash. */
export function styleForLabel(label: string): LabelStyle {
  const known = KNOWN_LABEL_STYLES[label];
  if (known) return known;
  const h = hash(label);
  return {
    color: PALETTE[h % PALETTE.length] ?? '#888888',
    shape: FALLBACK_SHAPES[(h >> 4) % FALLBACK_SHAPES.length] ?? 'ellipse',
    icon: 'dot',
  };
}

/** Node diameter in pixels: grows with the square root of the degree, within [26, 72]. */
export function sizeForDegree(degree: number): number {
  const d = Number.isFinite(degree) && degree > 0 ? degree : 0;
  return Math.round(Math.min(72, 26 + 6 * Math.sqrt(d)));
}

/** A relationship type's colour: neutral by default, so node colours carry the meaning. */
export function colorForType(type: string, theme: Theme): string {
  const h = hash(type);
  const tones =
    theme === 'dark' ? ['#7b8494', '#8a93a3', '#6f7888'] : ['#9aa3b2', '#8a93a3', '#a6aebb'];
  return tones[h % tones.length] ?? '#999999';
}

/** Colours of the canvas and its text per theme. */
export const THEME_COLORS: Readonly<
  Record<
    Theme,
    {
      bg: string;
      text: string;
      textOutline: string;
      edge: string;
      accent: string;
      disputed: string;
    }
  >
> = {
  light: {
    bg: '#f6f7f9',
    text: '#1c2230',
    textOutline: '#f6f7f9',
    edge: '#a3abb8',
    accent: '#2563eb',
    disputed: '#d93036',
  },
  dark: {
    bg: '#12151b',
    text: '#e4e8ef',
    textOutline: '#12151b',
    edge: '#566072',
    accent: '#60a5fa',
    disputed: '#ff6369',
  },
};

/** FNV-1a: a stable, cheap hash so a label keeps its colour across sessions and machines. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
