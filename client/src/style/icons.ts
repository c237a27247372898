/**
 * Small monochrome glyphs drawn inside nodes, one per kind of entity, as SVG data URIs (no
 * network, works in PNG/SVG exports and the self-contained HTML). 24×24 viewBox paths.
 */
const PATHS: Record<string, string> = {
  person: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z',
  building: 'M4 21V5l8-3v5l8 3v11h-6v-4h-4v4H4zm3-12h2V7H7v2zm0 4h2v-2H7v2zm8 0h2v-2h-2v2z',
  team: 'M8 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3 3-6 7-6s7 3 7 6v1H1v-1zm15-5c3 0 7 1.5 7 5v1h-6v-1c0-2-.5-3.5-1-5z',
  newspaper:
    'M3 4h15v15a2 2 0 0 0 2 2H5a2 2 0 0 1-2-2V4zm3 3v4h9V7H6zm0 6v2h9v-2H6zm0 4v1h9v-1H6zm14-9h2v11a2 2 0 0 1-2 2V8z',
  document:
    'M6 2h8l5 5v15H6V2zm7 1.5V8h4.5L13 3.5zM8 12v1.5h8V12H8zm0 3v1.5h8V15H8zm0 3v1.5h5V18H8z',
  calendar: 'M7 2v2H4v17h16V4h-3V2h-2v2H9V2H7zM6 9h12v10H6V9zm2 2v3h3v-3H8z',
  data: 'M12 3c4.4 0 8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3V6c0-1.7 3.6-3 8-3zm0 2C8.5 5 6 6 6 6.5S8.5 8 12 8s6-1 6-1.5S15.5 5 12 5zM6 9.5V12c0 .5 2.5 1.5 6 1.5s6-1 6-1.5V9.5c-1.5.7-3.6 1-6 1s-4.5-.3-6-1zm0 5V18c0 .5 2.5 1.5 6 1.5s6-1 6-1.5v-3.5c-1.5.7-3.6 1-6 1s-4.5-.3-6-1z',
  quote: 'M4 4h16v12H8l-4 4V4zm4 4v3h3V8H8zm5 0v3h3V8h-3z',
  split: 'M12 2 1 21h22L12 2zm-1 7h2v6h-2V9zm0 8h2v2h-2v-2z',
  dot: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
};

/** The glyph names known to {@link iconDataUri}. */
export type IconName = keyof typeof PATHS;

/**
 * An SVG data URI drawing the named glyph in `color` (unknown names draw a dot). The explicit
 * width and height give the image an intrinsic size, which Cytoscape needs to scale it.
 */
export function iconDataUri(name: string, color: string): string {
  const d = PATHS[name] ?? PATHS['dot'] ?? '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path fill="${color}" d="${d}"/></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
