import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import {
  emptyViewState,
  LAYOUT_NAMES,
  type LayoutName,
  type PlacedNode,
  type ViewState,
} from './view-state.js';

/** The URL fragment key; the fragment never reaches the server, so views stay private. */
export const VIEW_PARAM = 'view';
const VERSION = 1;

/**
 * Encodes a view as a compact, URL-safe string: short keys, rounded positions, then lz-string.
 * Positions are rounded to whole pixels — enough to redraw the same picture.
 */
export function encodeViewState(state: ViewState): string {
  const compact = {
    v: VERSION,
    n: state.nodes.map((n) =>
      n.pinned
        ? [n.id, Math.round(n.x), Math.round(n.y), 1]
        : [n.id, Math.round(n.x), Math.round(n.y)],
    ),
    he: state.hiddenEdges.length ? state.hiddenEdges : undefined,
    hl: state.hiddenLabels.length ? state.hiddenLabels : undefined,
    ht: state.hiddenTypes.length ? state.hiddenTypes : undefined,
    t: state.time ? [state.time.from, state.time.to] : undefined,
    l: state.layout,
    th: state.theme === 'dark' ? 'd' : undefined,
    el: state.edgeLabels ? undefined : 0,
    d: state.disagreements ? 1 : undefined,
    q: state.query || undefined,
    s: state.selected ?? undefined,
    z: state.zoom === null ? undefined : Math.round(state.zoom * 1000) / 1000,
    p: state.pan ? [Math.round(state.pan.x), Math.round(state.pan.y)] : undefined,
  };
  return compressToEncodedURIComponent(JSON.stringify(compact));
}

/**
 * Decodes what {@link encodeViewState} made. Anything malformed yields null (a hand-edited or
 * truncated link must not break the explorer); unknown fields are ignored, missing ones defaulted.
 */
export function decodeViewState(encoded: string): ViewState | null {
  let raw: unknown;
  try {
    const json = decompressFromEncodedURIComponent(encoded);
    if (!json) return null;
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw['v'] !== VERSION || !Array.isArray(raw['n'])) return null;
  const base = emptyViewState();
  const nodes: PlacedNode[] = [];
  for (const item of raw['n']) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') return null;
    const [id, x, y, pinned] = item as [string, unknown, unknown, unknown];
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    nodes.push(pinned === 1 ? { id, x, y, pinned: true } : { id, x, y });
  }
  const t = raw['t'];
  const p = raw['p'];
  return {
    ...base,
    nodes,
    hiddenEdges: strings(raw['he']),
    hiddenLabels: strings(raw['hl']),
    hiddenTypes: strings(raw['ht']),
    time:
      Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string'
        ? { from: t[0], to: t[1] }
        : null,
    layout: LAYOUT_NAMES.includes(raw['l'] as LayoutName) ? (raw['l'] as LayoutName) : base.layout,
    theme: raw['th'] === 'd' ? 'dark' : 'light',
    edgeLabels: raw['el'] !== 0,
    disagreements: raw['d'] === 1,
    query: typeof raw['q'] === 'string' ? raw['q'] : '',
    selected: typeof raw['s'] === 'string' ? raw['s'] : null,
    zoom: typeof raw['z'] === 'number' && raw['z'] > 0 ? raw['z'] : null,
    pan:
      Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
        ? { x: p[0], y: p[1] }
        : null,
  };
}

/** The URL of `base` (any URL of the app) that reopens `state`. */
export function shareUrl(base: string, state: ViewState): string {
  const url = new URL(base);
  url.hash = `${VIEW_PARAM}=${encodeViewState(state)}`;
  return url.toString();
}

/** The view encoded in a location hash (`#view=…`), or null when there is none or it is broken. */
export function viewFromHash(hash: string): ViewState | null {
  // Not URLSearchParams: lz-string's alphabet has '+', which it would turn into a space.
  const match = new RegExp(`(?:^#?|&)${VIEW_PARAM}=([^&]*)`).exec(hash);
  return match?.[1] ? decodeViewState(match[1]) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
