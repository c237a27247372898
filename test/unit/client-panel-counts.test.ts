import cytoscape, { type Core } from 'cytoscape';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExplorerContext } from '../../client/src/graph/connect.js';
import { definitions } from '../../client/src/graph/draw-elements.js';
import { PropertyFilterPanel } from '../../client/src/filters/property-filter-panel.js';
import { applyViewClasses } from '../../client/src/graph/view-classes.js';
import { groupDefinitions } from '../../client/src/grouping/group-elements.js';
import { SchemaPanel } from '../../client/src/panels/schema-panel.js';
import type { GraphCache } from '../../client/src/state/graph-cache.js';
import { computePicture } from '../../client/src/state/picture.js';
import { Store } from '../../client/src/state/store.js';
import type { View } from '../../client/src/state/view.js';
import { chain as chainOf } from '../fixtures/client-chain.js';

// The schema panel's meta-graph is drawn headless: linkedom has no layout or canvas to render into.
vi.mock('cytoscape', async (load) => {
  const real = (await load<{ default: typeof cytoscape }>()).default;
  return {
    default: (options: cytoscape.CytoscapeOptions) =>
      real({ ...options, container: undefined, headless: true }),
  };
});

// The property filter panel's histograms come from the server: one of rank, 0 to 299, per label.
vi.mock('../../client/src/api/graphql-client.js', () => ({
  request: (_query: unknown, { label }: { label: string }) =>
    Promise.resolve({
      propertyStats: {
        label,
        count: 900,
        scanned: 900,
        sampled: false,
        propertyCount: 1,
        propertiesCapped: false,
        properties: [
          {
            key: 'rank',
            kind: 'NUMBER',
            present: 900,
            distinct: 300,
            min: 0,
            max: 299,
            integral: true,
            unbinned: 0,
            valuesCapped: false,
            bins: Array.from({ length: 30 }, (_, i) => ({
              from: i * 10,
              to: i * 10 + 9,
              count: 30,
            })),
            values: [],
          },
        ],
      },
    }),
}));

/**
 * The panels that count what is "on screen" count the View's whole picture, not the canvas: above
 * the level-of-detail threshold Cytoscape holds only the part near the viewport (issue 16 item 6),
 * and their numbers must not change as the user pans. Each case mounts a panel over a canvas
 * holding part of the picture and expects what the panel counted before over a fully drawn one.
 */

/** 300 people (every tenth a Company) in a chain: 60 KNOWS and 239 WORKS_FOR. */
const chain = (): ReturnType<typeof chainOf> =>
  chainOf(300, { nodeSources: (i) => i % 3, edgeSources: () => 1, edgeProperties: () => ({}) });

/** The two Views counted: filters set, and grouped by label with the Companies expanded. */
function views(base: View): Record<string, View> {
  return {
    filtered: { ...base, hiddenLabels: ['Company'], hiddenTypes: ['KNOWS'] },
    grouped: {
      ...base,
      hiddenLabels: ['Company'],
      analysis: {
        ...base.analysis,
        grouping: { by: 'label', property: null, expanded: ['label:Company'], positions: {} },
      },
    },
  };
}

/**
 * A headless canvas as the Explorer draws it (group elements, filter classes, an aggregate of a
 * simplified picture), holding `part` of the picture's nodes (all of them when absent) and the
 * relationships between them.
 */
function canvas(cache: GraphCache, view: View, part?: number): Core {
  const picture = computePicture(view, cache, []);
  const { plan } = picture;
  const nodes = new Set(plan.nodes.slice(0, part ?? plan.nodes.length));
  const edges = plan.edges.filter((id) => {
    const e = picture.ends.get(id);
    return e && nodes.has(e.source) && nodes.has(e.target);
  });
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add(definitions(cache, view, [...nodes], edges, { labelPriority: [], markNew: false }));
  cy.add(groupDefinitions(plan, new Set([...nodes, ...edges])));
  cy.add({ group: 'nodes', data: { id: 'lod-0', labels: [] }, classes: 'lod' });
  cy.batch(() => applyViewClasses(cy, picture, view, cache));
  return cy;
}

function context(cache: GraphCache, view: View, cy: Core): ExplorerContext {
  const explorer = { cy, labelPriority: [], idle: () => Promise.resolve() };
  return { store: new Store(view), cache, explorer } as unknown as ExplorerContext;
}

/** A tick for the panels' refresh after `explorer.idle()`. */
const settled = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  const { document } = parseHTML(
    '<html><body><p id="overview-totals"></p><div id="meta-graph"></div><ul id="label-list"></ul><ul id="type-list"></ul></body></html>',
  );
  vi.stubGlobal('document', document);
  vi.stubGlobal('CSS', { escape: (s: string) => s });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the schema panel', () => {
  /** How many of each the database holds (under a thousand: the counts read without separators). */
  const TOTALS: Readonly<Record<string, number>> = {
    Company: 500,
    Person: 900,
    KNOWS: 600,
    WORKS_FOR: 700,
  };

  /** Its "on screen / in the graph" per label and type, once a change of the View recounted them. */
  async function schemaCounts(cache: GraphCache, view: View, cy: Core): Promise<unknown> {
    const ctx = context(cache, view, cy);
    const labels = ['Company', 'Person'].map((name) => ({
      name,
      count: TOTALS[name]!,
      properties: [],
    }));
    const types = ['KNOWS', 'WORKS_FOR'].map((name) => ({
      name,
      count: TOTALS[name]!,
      properties: [],
    }));
    new SchemaPanel(ctx, { addLabel: () => undefined }).render({
      nodeCount: 1400,
      relationshipCount: 1300,
      propertyKeys: [],
      labels,
      relationshipTypes: types,
      metaGraph: [],
    });
    ctx.store.forgetHistory();
    await settled();
    const text = (el: Element | null): string | undefined => el?.textContent ?? undefined;
    return Object.fromEntries([
      ...labels.map((l) => [
        l.name,
        text(document.querySelector(`[data-count-label="${l.name}"]`)),
      ]),
      ...types.map((t) => [t.name, text(document.querySelector(`[data-count-type="${t.name}"]`))]),
    ]);
  }

  /** What it showed before, counted over the canvas (nodes of each label, relationships of each type). */
  function canvasCounts(cy: Core): unknown {
    const shown = (on: number, name: string): string =>
      on ? `${on} / ${TOTALS[name]}` : String(TOTALS[name]);
    const ofLabel = (l: string): number =>
      cy.nodes().filter((n) => (n.data('labels') as string[]).includes(l)).length;
    return {
      Company: shown(ofLabel('Company'), 'Company'),
      Person: shown(ofLabel('Person'), 'Person'),
      KNOWS: shown(cy.edges('[type = "KNOWS"]').length, 'KNOWS'),
      WORKS_FOR: shown(cy.edges('[type = "WORKS_FOR"]').length, 'WORKS_FOR'),
    };
  }

  it('counts the whole picture as a fully drawn canvas holds it, whatever part is drawn', async () => {
    const { cache, view: base } = chain();
    // Filtered elements are drawn (hidden by a class) and counted; a collapsed group is one node
    // of its label, its counted relationships are of no type.
    const expected = {
      filtered: {
        Company: '30 / 500',
        Person: '270 / 900',
        KNOWS: '60 / 600',
        WORKS_FOR: '239 / 700',
      },
      grouped: { Company: '30 / 500', Person: '1 / 900', KNOWS: '600', WORKS_FOR: '700' },
    };
    for (const [name, view] of Object.entries(views(base))) {
      const full = canvas(cache, view);
      expect(canvasCounts(full), name).toEqual(expected[name as keyof typeof expected]);
      expect(await schemaCounts(cache, view, full), name).toEqual(canvasCounts(full));
      const part = canvas(cache, view, 20);
      expect(canvasCounts(part), name).not.toEqual(canvasCounts(full));
      expect(await schemaCounts(cache, view, part), name).toEqual(canvasCounts(full));
    }
  });
});

describe('the property filter panel', () => {
  /** Its label choices and "kept of on screen", once it has read the label's statistics. */
  async function panelCounts(cache: GraphCache, view: View, cy: Core): Promise<unknown> {
    const root = document.createElement('div');
    new PropertyFilterPanel(root, context(cache, view, cy));
    await vi.waitFor(() => expect(root.querySelector('.pf-summary')?.textContent).toMatch(/kept/));
    return {
      labels: [...root.querySelectorAll('#pf-label option')].map((o) => o.textContent),
      kept: /(\d+) of (\d+) on screen kept/
        .exec(root.querySelector('.pf-summary')!.textContent)
        ?.slice(1),
    };
  }

  /**
   * What it showed before, counted over the canvas: the labels of its nodes, most numerous first,
   * and of the label filtered those the property filters leave drawn (`.p-hidden` off).
   */
  function canvasCounts(cy: Core, label: string): unknown {
    const counts = new Map<string, number>();
    cy.nodes().forEach((n) => {
      for (const l of n.data('labels') as string[]) counts.set(l, (counts.get(l) ?? 0) + 1);
    });
    const ofLabel = cy.nodes().filter((n) => (n.data('labels') as string[]).includes(label));
    return {
      labels: [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([l, n]) => `${l} (${n})`),
      kept: [String(ofLabel.not('.p-hidden').length), String(ofLabel.length)],
    };
  }

  it('counts the whole picture as a fully drawn canvas holds it, whatever part is drawn', async () => {
    const { cache, view: base } = chain();
    const rank = (label: string): View['analysis']['propertyFilters'] => [
      { kind: 'range', label, property: 'rank', min: 0, max: 149 },
    ];
    const { filtered, grouped } = views(base);
    const cases = [
      // Nodes another filter hides (unsourced people, the Companies) are counted, and kept by the
      // property filter: 135 people ranked 1 to 149.
      {
        label: 'Person',
        view: {
          ...filtered!,
          analysis: {
            ...filtered!.analysis,
            propertyFilters: rank('Person'),
            evidence: { hidden: ['unsourced' as const], sizeBySources: false },
          },
        },
        expected: { labels: ['Person (270)', 'Company (30)'], kept: ['135', '270'] },
      },
      // A collapsed group is one node of its label.
      {
        label: 'Company',
        view: { ...grouped!, analysis: { ...grouped!.analysis, propertyFilters: rank('Company') } },
        expected: { labels: ['Company (30)', 'Person (1)'], kept: ['15', '30'] },
      },
    ];
    for (const { label, view, expected } of cases) {
      const full = canvas(cache, view);
      expect(canvasCounts(full, label), label).toEqual(expected);
      expect(await panelCounts(cache, view, full), label).toEqual(expected);
      const part = canvas(cache, view, 20);
      expect(canvasCounts(part, label), label).not.toEqual(expected);
      expect(await panelCounts(cache, view, part), label).toEqual(expected);
    }
  });
});
