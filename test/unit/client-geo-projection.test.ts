import { describe, expect, it } from 'vitest';
import { geoOf, projectToBox } from '../../client/src/graph/geo-projection.js';

describe('coordinates layout: the projection', () => {
  it('reads latitude/longitude (POLE Location) and common short names, refusing nonsense', () => {
    expect(geoOf({ latitude: 53.53, longitude: -2.61 })).toEqual({ lat: 53.53, lon: -2.61 });
    expect(geoOf({ lat: '51.5', lng: '-0.12' })).toEqual({ lat: 51.5, lon: -0.12 });
    expect(geoOf({ latitude: 95, longitude: 0 })).toBeNull();
    expect(geoOf({ name: 'x' })).toBeNull();
  });

  it('puts north up and east right, fits the box keeping shape, centres a single point', () => {
    // Manchester (north-east of the two), Wigan (west), Stockport (south-east).
    const pts = [
      { id: 'manchester', lat: 53.4808, lon: -2.2426 },
      { id: 'wigan', lat: 53.545, lon: -2.6325 },
      { id: 'stockport', lat: 53.4106, lon: -2.1575 },
    ];
    const at = projectToBox(pts, { width: 1000, height: 1000 });
    const m = at.get('manchester')!;
    const w = at.get('wigan')!;
    const s = at.get('stockport')!;
    expect(w.x).toBeLessThan(m.x);
    expect(m.x).toBeLessThan(s.x);
    expect(w.y).toBeLessThan(m.y); // Wigan is further north: higher on screen
    expect(m.y).toBeLessThan(s.y);
    // The wider span (east-west) fills the box; the other keeps the same scale.
    expect(s.x - w.x).toBeCloseTo(1000, 6);
    expect(Math.abs(s.y - w.y)).toBeLessThan(1000);
    expect(
      projectToBox([{ id: 'one', lat: 10, lon: 10 }], { width: 500, height: 500 }).get('one'),
    ).toEqual({ x: 0, y: 0 });
  });
});
