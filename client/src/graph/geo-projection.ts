/**
 * Latitude/longitude to canvas positions for the coordinates layout: Web Mercator (what web maps
 * use, so a place sits where a reader expects it), scaled to fit a box with north up. No tiles:
 * only the relative positions matter.
 */

export interface GeoPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

/** Web Mercator's latitude limit: beyond it the projection runs off to infinity. */
const MAX_LAT = 85.05112878;

/**
 * The coordinates of a node, from `latitude`/`longitude` (POLE's Location) or the common short
 * names; null when it has none, or they are out of range. Numbers given as text are read too.
 */
export function geoOf(
  props: Readonly<Record<string, unknown>>,
): { lat: number; lon: number } | null {
  const pick = (...keys: string[]): number | null => {
    for (const k of keys) {
      const v = props[k];
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
      if (Number.isFinite(n)) return n;
    }
    return null;
  };
  const lat = pick('latitude', 'lat');
  const lon = pick('longitude', 'lon', 'lng', 'long');
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

/** Web Mercator in radians: x grows east, y grows north. */
export function mercator(lat: number, lon: number): { x: number; y: number } {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return { x: (lon * Math.PI) / 180, y: Math.log(Math.tan(Math.PI / 4 + phi / 2)) };
}

/**
 * Positions for the points inside a `width` × `height` box centred on the origin: one scale for
 * both axes (shapes are kept), north up (screen y grows downwards), a single point at the centre.
 */
export function projectToBox(
  points: readonly GeoPoint[],
  box: { readonly width: number; readonly height: number },
): Map<string, { x: number; y: number }> {
  const projected = points.map((p) => ({ id: p.id, ...mercator(p.lat, p.lon) }));
  const xs = projected.map((p) => p.x);
  const ys = projected.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = x1 - x0;
  const spanY = y1 - y0;
  const scale =
    spanX > 0 || spanY > 0
      ? Math.min(
          spanX > 0 ? box.width / spanX : Infinity,
          spanY > 0 ? box.height / spanY : Infinity,
        )
      : 0;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return new Map(
    projected.map((p) => [p.id, { x: (p.x - cx) * scale, y: (cy - p.y) * scale }] as const),
  );
}
