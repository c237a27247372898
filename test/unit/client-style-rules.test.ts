import { describe, expect, it } from 'vitest';
import {
  KNOWN_LABEL_STYLES,
  PALETTE,
  sizeForDegree,
  styleForLabel,
} from '../../client/src/style/style-rules.js';
import { buildStylesheet, svgSafeStylesheet } from '../../client/src/style/stylesheet.js';
import { iconDataUri } from '../../client/src/style/icons.js';

type Block = { selector: string; style: Record<string, unknown> };

describe('style rules', () => {
  it('gives each of the story’s labels its own colour and shape', () => {
    const colours = Object.values(KNOWN_LABEL_STYLES).map((s) => s.color);
    expect(new Set(colours).size).toBe(colours.length);
    expect(styleForLabel('Person')).toMatchObject({ shape: 'ellipse', icon: 'person' });
    expect(styleForLabel('Disagreement').shape).toBe('round-octagon');
  });

  it('gives an unknown label a palette colour that is the same on every call', () => {
    const a = styleForLabel('Crime');
    expect(PALETTE).toContain(a.color);
    expect(styleForLabel('Crime')).toEqual(a);
  });

  it('grows node size with degree, bounded', () => {
    expect(sizeForDegree(0)).toBe(26);
    expect(sizeForDegree(4)).toBeGreaterThan(sizeForDegree(1));
    expect(sizeForDegree(10_000)).toBe(72);
    expect(sizeForDegree(Number.NaN)).toBe(26);
  });

  it('builds a selector per label on screen with its colour, shape and icon', () => {
    const sheet = buildStylesheet({
      theme: 'light',
      labels: ['Person', 'Crime'],
      edgeLabels: true,
    }) as Block[];
    const person = sheet.find((b) => b.selector === 'node[label = "Person"]');
    expect(person?.style).toMatchObject({
      'background-color': KNOWN_LABEL_STYLES['Person']?.color,
      shape: 'ellipse',
    });
    expect(person?.style['background-image']).toBe(iconDataUri('person', '#ffffff'));
    expect(sheet.some((b) => b.selector === 'node[label = "Crime"]')).toBe(true);
  });

  it('draws edge types as labels only when asked', () => {
    const on = buildStylesheet({ theme: 'light', labels: [], edgeLabels: true }) as Block[];
    const off = buildStylesheet({ theme: 'light', labels: [], edgeLabels: false }) as Block[];
    expect(on.find((b) => b.selector === 'edge')?.style['label']).toBe('data(type)');
    expect(off.find((b) => b.selector === 'edge')?.style['label']).toBe('');
  });

  it('hides captions when zoomed out and hides filtered elements', () => {
    const sheet = buildStylesheet({ theme: 'dark', labels: [], edgeLabels: true }) as Block[];
    expect(sheet.find((b) => b.selector === 'node')?.style['min-zoomed-font-size']).toBeGreaterThan(
      0,
    );
    // Every filter's class hides: label/type, time window, property and evidence filters.
    for (const cls of ['.f-hidden', '.t-hidden', '.p-hidden', '.ev-hidden']) {
      const rule = sheet.find((b) => b.selector.split(/,\s*/).includes(cls));
      expect(rule?.style['display'], cls).toBe('none');
    }
  });

  it('uses the theme’s colours for text', () => {
    const light = buildStylesheet({ theme: 'light', labels: [], edgeLabels: true }) as Block[];
    const dark = buildStylesheet({ theme: 'dark', labels: [], edgeLabels: true }) as Block[];
    expect(light.find((b) => b.selector === 'node')?.style['color']).not.toBe(
      dark.find((b) => b.selector === 'node')?.style['color'],
    );
  });

  it('keeps the stylesheet plain JSON (exports embed it)', () => {
    const sheet = buildStylesheet({ theme: 'light', labels: ['Person'], edgeLabels: true });
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
  });

  it('draws large graphs lighter: no icons, borders, outlines, arrowheads or edge labels', () => {
    const full = buildStylesheet({
      theme: 'light',
      labels: ['Person'],
      edgeLabels: true,
    }) as Block[];
    const light = buildStylesheet({
      theme: 'light',
      labels: ['Person'],
      edgeLabels: true,
      detail: 'light',
    }) as Block[];
    const rule = (sheet: Block[], selector: string): Record<string, unknown> =>
      sheet.find((b) => b.selector === selector)?.style ?? {};
    expect(rule(full, 'node[label = "Person"]')['background-image']).toBe(
      iconDataUri('person', '#ffffff'),
    );
    expect(rule(light, 'node[label = "Person"]')['background-image']).toBe('none');
    expect(rule(light, 'node[label = "Person"]')['background-color']).toBe(
      KNOWN_LABEL_STYLES['Person']?.color,
    );
    expect(rule(light, 'node')).toMatchObject({ 'border-width': 0, 'text-outline-width': 0 });
    expect(rule(light, 'node')['min-zoomed-font-size']).toBeGreaterThan(
      rule(full, 'node')['min-zoomed-font-size'] as number,
    );
    expect(rule(light, 'edge')).toMatchObject({
      'curve-style': 'haystack',
      'target-arrow-shape': 'none',
      label: '',
    });
    expect(rule(full, 'edge')).toMatchObject({
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
    });
    // What the user picks keeps its direction.
    expect(rule(light, 'edge:selected')).toMatchObject({
      'curve-style': 'straight',
      'target-arrow-shape': 'triangle',
    });
  });

  it('makes an SVG-safe copy: sharp polygons instead of rounded ones, no text outlines', () => {
    const sheet = buildStylesheet({
      theme: 'light',
      labels: ['Event', 'Person', 'Organization'],
      edgeLabels: true,
    });
    const safe = svgSafeStylesheet(sheet) as Block[];
    expect(safe.find((b) => b.selector === 'node[label = "Event"]')?.style['shape']).toBe(
      'diamond',
    );
    expect(safe.find((b) => b.selector === 'node[label = "Person"]')?.style['shape']).toBe(
      'ellipse',
    );
    expect(safe.find((b) => b.selector === 'node[label = "Organization"]')?.style['shape']).toBe(
      'round-rectangle',
    );
    expect(safe.find((b) => b.selector === 'node')?.style['text-outline-width']).toBe(0);
    expect(
      (sheet as Block[]).find((b) => b.selector === 'node[label = "Event"]')?.style['shape'],
    ).toBe('round-diamond');
  });
});
