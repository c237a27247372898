import type { EdgeData, NodeData } from '../graph/to-elements.js';

/** One property column of the GraphML file: its key id, name and GraphML type. */
interface KeyDef {
  readonly id: string;
  readonly name: string;
  readonly for: 'node' | 'edge';
  readonly type: 'string' | 'double' | 'boolean';
}

/**
 * The on-screen graph as GraphML (yEd, Gephi, Cytoscape desktop read it): labels and type as
 * attributes, every property as a typed key; lists and maps are written as JSON strings.
 * Positions, when given, become `x`/`y` keys.
 */
export function toGraphML(
  nodes: readonly NodeData[],
  edges: readonly EdgeData[],
  positions: ReadonlyMap<string, { x: number; y: number }> = new Map(),
): string {
  const keys = new Map<string, KeyDef>();
  const keyFor = (scope: 'node' | 'edge', name: string, value: unknown): string => {
    const mapKey = `${scope}:${name}`;
    let def = keys.get(mapKey);
    if (!def) {
      def = { id: `${scope[0]}${keys.size}`, name, for: scope, type: typeOf(value) };
      keys.set(mapKey, def);
    } else if (def.type !== typeOf(value)) {
      def = { ...def, type: 'string' };
      keys.set(mapKey, def);
    }
    return def.id;
  };
  const nodeXml = nodes.map((n) => {
    const entries: [string, unknown][] = [
      ['labels', n.labels.join(':')],
      ...Object.entries(n.props),
    ];
    const pos = positions.get(n.id);
    if (pos) entries.push(['x', pos.x], ['y', pos.y]);
    const data = entries.map(
      ([k, v]) => `      <data key="${keyFor('node', k, v)}">${escapeXml(text(v))}</data>`,
    );
    return `    <node id="${escapeXml(n.id)}" labels="${escapeXml(':' + n.labels.join(':'))}">\n${data.join('\n')}\n    </node>`;
  });
  const edgeXml = edges.map((e) => {
    const entries: [string, unknown][] = [['type', e.type], ...Object.entries(e.props)];
    const data = entries.map(
      ([k, v]) => `      <data key="${keyFor('edge', k, v)}">${escapeXml(text(v))}</data>`,
    );
    return `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.type)}">\n${data.join('\n')}\n    </edge>`;
  });
  const keyXml = [...keys.values()].map(
    (k) =>
      `  <key id="${k.id}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyXml,
    '  <graph id="dossier" edgedefault="directed">',
    ...nodeXml,
    ...edgeXml,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

function typeOf(v: unknown): KeyDef['type'] {
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Escapes the five XML special characters and drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
