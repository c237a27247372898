import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { analysisFromJson, analysisToJson } from './analysis.js';
import {
  emptyView,
  LAYOUT_NAMES,
  type LayoutName,
  type View,
  type ViewEdge,
  type ViewNode,
} from './view.js';

/** The URL fragment key; the fragment never reaches the server, so views stay private. */
export const VIEW_PARAM = 'view';
const VERSION = 2;

/** A hidden relationship, named by its ends' stable keys and its type (element ids do not last). */
export interface EdgeRef {
  readonly source: string;
  readonly type: string;
  readonly target: string;
}

/**
 * A View as a link or a saved case holds it: nodes named by stable keys (see the API's
 * `stableKey`), relationships not at all (they are fetched again among the nodes) except the
 * hidden ones, named by their ends and type.
 */
export interface SavedView {
  /** The View with node keys in place of element ids, no edges, hidden and selected as node keys. */
  readonly view: View;
  readonly hiddenEdges: readonly EdgeRef[];
}

/** The saved form of a View; `keyOf` gives a node's stable key. Pure. */
export function toSaved(view: View, keyOf: (id: string) => string): SavedView {
  const nodes: Record<string, ViewNode> = {};
  for (const [id, n] of Object.entries(view.nodes)) nodes[keyOf(id)] = n;
  const hidden = new Set(view.hidden);
  const hiddenEdges = Object.entries(view.edges)
    .filter(([id]) => hidden.has(id))
    .map(([, e]) => ({ source: keyOf(e.source), type: e.type, target: keyOf(e.target) }));
  return {
    view: {
      ...view,
      nodes,
      edges: {},
      hidden: view.hidden.filter((id) => view.nodes[id]).map(keyOf),
      selected: view.selected.filter((id) => view.nodes[id]).map(keyOf),
    },
    hiddenEdges,
  };
}

/**
 * The View a saved one names now: `ids` maps the keys that still name a node to its element id,
 * `edges` are the relationships among those nodes. Keys that name nothing are returned as missing.
 */
export function fromSaved(
  saved: SavedView,
  ids: ReadonlyMap<string, string>,
  edges: Readonly<Record<string, ViewEdge>>,
): { view: View; missing: string[] } {
  const nodes: Record<string, ViewNode> = {};
  const missing: string[] = [];
  for (const [key, n] of Object.entries(saved.view.nodes)) {
    const id = ids.get(key);
    if (id) nodes[id] = n;
    else missing.push(key);
  }
  const idOf = (key: string): string[] => {
    const id = ids.get(key);
    return id ? [id] : [];
  };
  const refs = new Set(
    saved.hiddenEdges.flatMap((r) =>
      idOf(r.source).flatMap((s) => idOf(r.target).map((t) => `${s}\n${r.type}\n${t}`)),
    ),
  );
  const hiddenEdges = Object.entries(edges)
    .filter(([, e]) => refs.has(`${e.source}\n${e.type}\n${e.target}`))
    .map(([id]) => id);
  return {
    view: {
      ...saved.view,
      nodes,
      edges: { ...edges },
      hidden: [...saved.view.hidden.flatMap(idOf), ...hiddenEdges],
      selected: saved.view.selected.flatMap(idOf),
    },
    missing,
  };
}

/**
 * Encodes a saved view as a compact, URL-safe string: short keys, node indexes for references,
 * positions rounded to whole pixels, then lz-string.
 */
export function encodeView(saved: SavedView): string {
  const v = saved.view;
  const keys = Object.keys(v.nodes);
  const index = new Map(keys.map((k, i) => [k, i] as const));
  const hidden = new Set(v.hidden);
  const compact = {
    v: VERSION,
    n: keys.map((k) => {
      const n = v.nodes[k] as ViewNode;
      const flags = (n.pinned ? 1 : 0) | (hidden.has(k) ? 2 : 0);
      const row: (string | number)[] = [k, Math.round(n.x), Math.round(n.y)];
      return flags ? [...row, flags] : row;
    }),
    he: saved.hiddenEdges.length
      ? saved.hiddenEdges.map((e) => [index.get(e.source) ?? -1, e.type, index.get(e.target) ?? -1])
      : undefined,
    hl: v.hiddenLabels.length ? v.hiddenLabels : undefined,
    ht: v.hiddenTypes.length ? v.hiddenTypes : undefined,
    t: v.time ? [v.time.from, v.time.to] : undefined,
    tp: v.timeProperty ?? undefined,
    l: v.layout,
    th: v.theme === 'dark' ? 'd' : undefined,
    el: v.edgeLabels ? undefined : 0,
    d: v.disagreements ? 1 : undefined,
    q: v.query || undefined,
    s: v.selected.length ? v.selected.map((k) => index.get(k) ?? -1) : undefined,
    z: v.viewport ? Math.round(v.viewport.zoom * 1000) / 1000 : undefined,
    p: v.viewport ? [Math.round(v.viewport.pan.x), Math.round(v.viewport.pan.y)] : undefined,
    a: analysisToJson(v.analysis),
  };
  return compressToEncodedURIComponent(JSON.stringify(compact));
}

/**
 * Decodes what {@link encodeView} made (and the links of version 1, which named nodes by element
 * id — still a valid key). Anything malformed yields null: a hand-edited or truncated link must
 * not break the explorer; unknown fields are ignored, missing ones defaulted.
 */
export function decodeView(encoded: string): SavedView | null {
  let raw: unknown;
  try {
    const json = decompressFromEncodedURIComponent(encoded);
    if (!json) return null;
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(raw) || (raw['v'] !== 1 && raw['v'] !== VERSION) || !Array.isArray(raw['n'])) {
    return null;
  }
  const base = emptyView();
  const nodes: Record<string, ViewNode> = {};
  const keys: string[] = [];
  const hidden: string[] = [];
  for (const item of raw['n']) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') return null;
    const [key, x, y, flags] = item as [string, unknown, unknown, unknown];
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    const f = typeof flags === 'number' ? flags : 0;
    nodes[key] = f & 1 ? { x, y, pinned: true } : { x, y };
    if (f & 2) hidden.push(key);
    keys.push(key);
  }
  const at = (i: unknown): string[] => (typeof i === 'number' && keys[i] ? [keys[i]] : []);
  const hiddenEdges =
    raw['v'] === VERSION && Array.isArray(raw['he'])
      ? raw['he'].flatMap((e: unknown) => {
          if (!Array.isArray(e) || typeof e[1] !== 'string') return [];
          const [s] = at(e[0]);
          const [t] = at(e[2]);
          return s && t ? [{ source: s, type: e[1], target: t }] : [];
        })
      : [];
  const selected =
    raw['v'] === VERSION
      ? (Array.isArray(raw['s']) ? raw['s'] : []).flatMap(at)
      : typeof raw['s'] === 'string' && nodes[raw['s']]
        ? [raw['s']]
        : [];
  const t = raw['t'];
  const p = raw['p'];
  const z = raw['z'];
  return {
    view: {
      ...base,
      nodes,
      hidden,
      hiddenLabels: strings(raw['hl']),
      hiddenTypes: strings(raw['ht']),
      time:
        Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string'
          ? { from: t[0], to: t[1] }
          : null,
      timeProperty: typeof raw['tp'] === 'string' ? raw['tp'] : null,
      selected,
      layout: LAYOUT_NAMES.includes(raw['l'] as LayoutName)
        ? (raw['l'] as LayoutName)
        : base.layout,
      theme: raw['th'] === 'd' ? 'dark' : 'light',
      edgeLabels: raw['el'] !== 0,
      disagreements: raw['d'] === 1,
      query: typeof raw['q'] === 'string' ? raw['q'] : '',
      viewport:
        typeof z === 'number' &&
        z > 0 &&
        Array.isArray(p) &&
        typeof p[0] === 'number' &&
        typeof p[1] === 'number'
          ? { zoom: z, pan: { x: p[0], y: p[1] } }
          : null,
      analysis: analysisFromJson(raw['a']),
    },
    hiddenEdges,
  };
}

/** The URL of `base` (any URL of the app) that reopens `saved`. */
export function shareUrl(base: string, saved: SavedView): string {
  const url = new URL(base);
  url.hash = `${VIEW_PARAM}=${encodeView(saved)}`;
  return url.toString();
}

/** The view encoded in a location hash (`#view=…`), or null when there is none or it is broken. */
export function savedFromHash(hash: string): SavedView | null {
  // Not URLSearchParams: lz-string's alphabet has '+', which it would turn into a space.
  const match = new RegExp(`(?:^#?|&)${VIEW_PARAM}=([^&]*)`).exec(hash);
  return match?.[1] ? decodeView(match[1]) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
