import { request } from '../api/graphql-client.js';
import { PropertyStatsDocument, type PropertyStatsQuery } from '../generated/graphql.js';
import type { ExplorerContext } from '../graph/connect.js';
import type { PropertyFilter } from '../state/analysis.js';
import { clearPropertyFilter, setPropertyFilter } from '../state/commands/set-property-filter.js';
import { pictureCounts, type PictureCounts } from '../state/picture-counts.js';
import { pictureOf } from '../state/picture.js';
import { fmt, h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import {
  binsInRange,
  boundsOf,
  boundText,
  boundValue,
  rangeOf,
  rangeOfBins,
} from './histogram-range.js';
import { filterOn } from './property-filter.js';
import './property-filter-panel.css';

type Stats = PropertyStatsQuery['propertyStats'];
type Distribution = Stats['properties'][number];

/** Bars per histogram: enough for a month of days (POLE's crimes), few enough to click. */
const BINS = 31;
/** As long as the server keeps them (PROPERTY_STATS_TTL_MS): asking sooner gets the same answer. */
const STATS_MAX_AGE_MS = 30_000;

/**
 * The filter by property panel (issue 15, item 4): choose a label on screen, then one of its
 * properties; numbers and dates show a histogram to drag across or bounds to type, other
 * properties their most frequent values to tick. Each change is a command (setPropertyFilter),
 * so undo, links and cases keep the filters; view-classes hides what they leave out. The
 * histograms describe the whole label in the database (server: propertyStats), and the panel
 * says how many of the label's nodes on screen the filters keep.
 */
export class PropertyFilterPanel {
  private label = '';
  private property = '';
  private readonly stats = new Map<string, { at: number; stats: Promise<Stats> }>();
  private lastKey = '';
  private readonly labelSelect = h('select', { id: 'pf-label', 'aria-label': 'Label' });
  private readonly propertySelect = h('select', { id: 'pf-property', 'aria-label': 'Property' });
  private readonly summary = h('p', { class: 'muted pf-summary', 'aria-live': 'polite' });
  private readonly body = h('div', { class: 'pf-body' });
  private readonly active = h('ul', {
    class: 'pf-active',
    'aria-label': 'Property filters in force',
  });

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ExplorerContext,
  ) {
    this.labelSelect.addEventListener('change', () => {
      this.label = this.labelSelect.value;
      this.property = '';
      void this.load();
    });
    this.propertySelect.addEventListener('change', () => {
      this.property = this.propertySelect.value;
      void this.load();
    });
    root.replaceChildren(
      h(
        'div',
        { class: 'pf-choose' },
        h('label', { for: 'pf-label' }, 'Label'),
        this.labelSelect,
        h('label', { for: 'pf-property' }, 'Property'),
        this.propertySelect,
      ),
      this.summary,
      this.body,
      this.active,
    );
    ctx.store.subscribe(() => void ctx.explorer.idle().then(() => this.refresh()));
    this.refresh();
  }

  /** Focuses the first control (the section's button opened the panel). */
  focus(): void {
    this.labelSelect.focus();
  }

  /**
   * The View's whole picture (state/picture.ts), not the canvas: a simplified picture draws only
   * the part near the viewport, and the panel's counts would change as the user pans. "On screen"
   * keeps what it meant on a fully drawn canvas: every node drawn, those another filter hides
   * included, and a collapsed group as one node of its label.
   */
  private counts(): PictureCounts {
    const { store, cache, explorer } = this.ctx;
    return pictureCounts(pictureOf(store.view, cache, explorer.labelPriority), cache);
  }

  /** The labels of the nodes on screen, with how many of each, most numerous first. */
  private labelsOnScreen(): [string, number][] {
    return [...this.counts().labels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  /** Redraws what depends on the picture and the View; the histogram only when its inputs changed. */
  private refresh(): void {
    const labels = this.labelsOnScreen();
    if (!this.label || !labels.some(([l]) => l === this.label)) {
      const withFilter = this.ctx.store.view.analysis.propertyFilters[0]?.label;
      this.label = labels.find(([l]) => l === withFilter)?.[0] ?? labels[0]?.[0] ?? '';
      this.property = '';
    }
    this.labelSelect.replaceChildren(
      ...labels.map(([l, n]) =>
        h('option', { value: l, selected: l === this.label }, `${l} (${fmt(n)})`),
      ),
    );
    if (labels.length === 0) {
      this.summary.textContent = 'Nothing on screen yet: add nodes to filter them by property.';
      this.propertySelect.replaceChildren();
      this.body.replaceChildren();
    } else void this.load();
    this.renderActive();
  }

  /** A label's statistics, asked again after STATS_MAX_AGE_MS so writes show up. */
  private statsOf(label: string): Promise<Stats> {
    const hit = this.stats.get(label);
    if (hit && Date.now() - hit.at <= STATS_MAX_AGE_MS) return hit.stats;
    const stats = request(PropertyStatsDocument, { label, bins: BINS }).then(
      (d) => d.propertyStats,
    );
    stats.catch(() => this.stats.delete(label));
    this.stats.set(label, { at: Date.now(), stats });
    return stats;
  }

  private async load(): Promise<void> {
    const label = this.label;
    if (!label) return;
    let stats: Stats;
    try {
      stats = await this.statsOf(label);
    } catch (e) {
      this.summary.textContent = `Could not read the properties of ${label}: ${errorMessage(e)}`;
      return;
    }
    if (label !== this.label) return;
    const filters = this.ctx.store.view.analysis.propertyFilters;
    if (!stats.properties.some((p) => p.key === this.property)) {
      // A filtered property first, then the first histogram, then anything.
      this.property =
        filters.find((f) => f.label === label && stats.properties.some((p) => p.key === f.property))
          ?.property ??
        stats.properties.find((p) => p.kind !== 'CATEGORY')?.key ??
        stats.properties[0]?.key ??
        '';
    }
    const dist = stats.properties.find((p) => p.key === this.property);
    const filter = filterOn(filters, label, this.property);
    // Kept: not left out by the property filters (`p-hidden` on the canvas), whatever else hides it.
    const counts = this.counts();
    const onScreen = counts.labels.get(label) ?? 0;
    const kept = counts.keptByProperty.get(label) ?? 0;
    const key = JSON.stringify([label, this.property, filter, onScreen, kept]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.propertySelect.replaceChildren(
      ...stats.properties.map((p) =>
        h(
          'option',
          { value: p.key, selected: p.key === this.property },
          `${p.key} (${p.kind === 'CATEGORY' ? 'values' : p.kind === 'DATE' ? 'dates' : 'numbers'})`,
        ),
      ),
    );
    const notes = [
      `${fmt(stats.count)} ${label} in the database`,
      stats.sampled ? `figures from the first ${fmt(stats.scanned)}` : '',
      stats.propertiesCapped
        ? `${stats.properties.length} of ${stats.propertyCount} properties shown`
        : '',
      `${fmt(kept)} of ${fmt(onScreen)} on screen kept`,
    ].filter(Boolean);
    this.summary.textContent = `${notes.join(' · ')}.`;
    if (!dist) {
      this.body.replaceChildren(h('p', { class: 'muted' }, `${label} nodes have no properties.`));
      return;
    }
    // A bar pressed with the keyboard keeps the focus through the redraw its filter causes.
    const focused = this.body.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).closest<HTMLElement>('.pf-bar')?.dataset['bin']
      : undefined;
    const focusBin = focused === undefined ? null : Number(focused);
    this.body.replaceChildren(
      dist.kind === 'CATEGORY'
        ? this.valueList(label, dist, filter)
        : this.histogram(label, dist, filter, focusBin),
    );
    if (focusBin !== null) {
      this.body.querySelector<HTMLElement>(`.pf-bar[data-bin="${focusBin}"]`)?.focus();
    }
  }

  /**
   * Bars to drag across (pointer) or to walk with the arrow keys (Shift+arrows to widen), each a
   * toggle button: a click, Enter or Space keeps that bar's range (or the brushed bars), and again
   * on the range already kept clears it. Two bounds to type below, with Apply and Clear.
   */
  private histogram(
    label: string,
    d: Distribution,
    filter: PropertyFilter | undefined,
    focusBin: number | null,
  ): HTMLElement {
    const { store } = this.ctx;
    const top = Math.max(1, ...d.bins.map((b) => b.count));
    const inRange = binsInRange(d, filter);
    const current = focusBin ?? Math.max(0, inRange.indexOf(true));
    const bars = d.bins.map((b, i) => {
      const span =
        b.from === b.to ? boundText(d, b.from) : `${boundText(d, b.from)} – ${boundText(d, b.to)}`;
      return h(
        'button',
        {
          type: 'button',
          class: `pf-bar${inRange[i] ? ' pf-in' : ''}`,
          'data-bin': i,
          tabindex: i === current ? 0 : -1,
          'aria-pressed': String(inRange[i] === true),
          'aria-label': `${span}: ${fmt(b.count)} ${label}`,
          title: `${span}: ${fmt(b.count)}`,
        },
        h('div', { class: 'pf-fill', style: `height:${Math.round((b.count / top) * 100)}%` }),
      );
    });
    const chart = h(
      'div',
      {
        class: 'pf-hist',
        role: 'group',
        'aria-label': `Histogram of ${d.key}: ${d.bins.length} bars from ${boundText(d, d.min ?? 0)} to ${boundText(d, d.max ?? 0)}. Drag across bars, or move with the arrow keys (Shift to widen) and press Enter, to keep a range; or type the bounds below.`,
      },
      bars,
    );
    /** Keeps bins a..b, or clears the filter when that range is the one kept already. */
    const keep = (a: number, b: number): void => {
      const range = rangeOfBins(d, label, d.key, a, b);
      if (!range) return;
      if (filter?.kind === 'range' && filter.min === range.min && filter.max === range.max) {
        store.dispatch(clearPropertyFilter, { label, property: d.key });
      } else store.dispatch(setPropertyFilter, range);
    };
    let anchor: number | null = null;
    const binAt = (e: PointerEvent): number | null => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.pf-bar');
      return el ? Number(el.dataset['bin']) : null;
    };
    const mark = (a: number, b: number): void =>
      bars.forEach((bar, i) =>
        bar.classList.toggle('pf-brush', i >= Math.min(a, b) && i <= Math.max(a, b)),
      );
    chart.addEventListener('pointerdown', (e) => {
      anchor = binAt(e);
      if (anchor === null) return;
      chart.setPointerCapture(e.pointerId);
      mark(anchor, anchor);
      e.preventDefault();
    });
    chart.addEventListener('pointermove', (e) => {
      if (anchor === null) return;
      // Under pointer capture the target is the chart: find the bar under the pointer.
      const under = document
        .elementFromPoint(e.clientX, e.clientY)
        ?.closest<HTMLElement>('.pf-bar');
      if (under) mark(anchor, Number(under.dataset['bin']));
    });
    chart.addEventListener('pointerup', (e) => {
      if (anchor === null) return;
      const under = document
        .elementFromPoint(e.clientX, e.clientY)
        ?.closest<HTMLElement>('.pf-bar');
      const end = under ? Number(under.dataset['bin']) : anchor;
      const start = anchor;
      anchor = null;
      keep(start, end);
    });
    // Keyboard: one bar in the tab order (roving tabindex); Shift+arrows brush from where it began.
    let keyAnchor: number | null = null;
    let at = current;
    const moveTo = (i: number, widen: boolean): void => {
      const next = Math.min(bars.length - 1, Math.max(0, i));
      keyAnchor = widen ? (keyAnchor ?? at) : null;
      bars.forEach((bar, j) => bar.setAttribute('tabindex', j === next ? '0' : '-1'));
      bars[next]?.focus();
      at = next;
      if (keyAnchor === null) mark(-1, -1);
      else mark(keyAnchor, at);
    };
    const steps: Readonly<Record<string, (i: number) => number>> = {
      ArrowLeft: (i) => i - 1,
      ArrowRight: (i) => i + 1,
      Home: () => 0,
      End: () => bars.length - 1,
    };
    chart.addEventListener('keydown', (e) => {
      const step = steps[e.key];
      const bar = (e.target as HTMLElement).closest<HTMLElement>('.pf-bar');
      if (!step || !bar) return;
      e.preventDefault();
      // The bar with the focus, which a click may have moved.
      at = Number(bar.dataset['bin']);
      moveTo(step(at), e.shiftKey);
    });
    // Enter and Space on a button (and a screen reader's activation) arrive as a click with no
    // pointer detail; a pointer's own click is handled by pointerup above.
    chart.addEventListener('click', (e) => {
      if (e.detail !== 0) return;
      const i = Number((e.target as HTMLElement).closest<HTMLElement>('.pf-bar')?.dataset['bin']);
      if (!Number.isInteger(i)) return;
      keep(keyAnchor ?? i, i);
      keyAnchor = null;
    });

    const bounds = boundsOf(filter);
    const type = d.kind === 'DATE' ? 'date' : 'number';
    const input = (id: string, text: string, value: number | undefined): HTMLInputElement =>
      h('input', {
        id,
        type,
        step: d.kind === 'NUMBER' && !d.integral ? 'any' : null,
        value: value === undefined ? '' : boundText(d, value),
        placeholder: text,
      });
    const from = input('pf-from', 'from', bounds?.[0] ?? d.min ?? undefined);
    const to = input('pf-to', 'to', bounds?.[1] ?? d.max ?? undefined);
    const error = h('p', { class: 'pf-error', role: 'alert' });
    const form = h(
      'form',
      { class: 'pf-range', 'aria-label': `Range of ${d.key}` },
      h('label', { for: 'pf-from' }, 'From'),
      from,
      h('label', { for: 'pf-to' }, 'To'),
      to,
      h('button', { type: 'submit' }, 'Apply'),
      h(
        'button',
        {
          type: 'button',
          disabled: !filter,
          onclick: () => store.dispatch(clearPropertyFilter, { label, property: d.key }),
        },
        'Clear',
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const lo = boundValue(d, from.value);
      const hi = boundValue(d, to.value);
      if (lo === null || hi === null) {
        error.textContent =
          d.kind === 'DATE' ? 'Type both bounds as dates.' : 'Type both bounds as numbers.';
        return;
      }
      error.textContent = '';
      store.dispatch(setPropertyFilter, rangeOf(d, label, d.key, lo, hi));
    });
    const note =
      d.unbinned > 0
        ? h('p', { class: 'muted' }, `${fmt(d.unbinned)} values are not ${type}s and not drawn.`)
        : null;
    return h('div', {}, chart, form, error, note);
  }

  /** The most frequent values to tick: the ticked ones are kept, the rest of the label hidden. */
  private valueList(
    label: string,
    d: Distribution,
    filter: PropertyFilter | undefined,
  ): HTMLElement {
    const { store } = this.ctx;
    const ticked = new Set(filter?.kind === 'values' ? filter.values : []);
    const top = Math.max(1, ...d.values.map((v) => v.count));
    const boxes: HTMLInputElement[] = [];
    const items = d.values.map((v, i) => {
      const id = `pf-v${i}`;
      const box = h('input', {
        type: 'checkbox',
        id,
        value: v.value,
        checked: ticked.has(v.value),
      });
      box.addEventListener('change', () => {
        const values = boxes.filter((b) => b.checked).map((b) => b.value);
        if (values.length === 0) store.dispatch(clearPropertyFilter, { label, property: d.key });
        else store.dispatch(setPropertyFilter, { kind: 'values', label, property: d.key, values });
      });
      boxes.push(box);
      return h(
        'li',
        {},
        box,
        h(
          'label',
          { for: id },
          h('span', { class: 'pf-value' }, v.value === '' ? '(empty)' : v.value),
          h('span', { class: 'pf-count muted' }, fmt(v.count)),
        ),
        h('span', {
          class: 'pf-meter',
          style: `width:${Math.round((v.count / top) * 100)}%`,
          'aria-hidden': 'true',
        }),
      );
    });
    return h(
      'fieldset',
      { class: 'pf-values' },
      h('legend', {}, `Keep only the ticked values of ${d.key}`),
      h('ul', {}, items.length ? items : h('li', { class: 'muted' }, 'No text values.')),
      d.valuesCapped
        ? h(
            'p',
            { class: 'muted' },
            `The ${d.values.length} most frequent of ${fmt(d.distinct)} values.`,
          )
        : null,
    );
  }

  /** The filters in force, each with a button that removes it. */
  private renderActive(): void {
    const { store } = this.ctx;
    const filters = store.view.analysis.propertyFilters;
    this.active.replaceChildren(
      ...filters.map((f) =>
        h(
          'li',
          {},
          h('span', {}, `${f.label}.${f.property}: ${describe(f)}`),
          h(
            'button',
            {
              type: 'button',
              class: 'pf-remove',
              'aria-label': `Remove the filter on ${f.label}.${f.property}`,
              onclick: () =>
                store.dispatch(clearPropertyFilter, { label: f.label, property: f.property }),
            },
            'Remove',
          ),
        ),
      ),
    );
  }
}

function describe(f: PropertyFilter): string {
  if (f.kind === 'range') return `${String(f.min)} – ${String(f.max)}`;
  const shown = f.values.slice(0, 3).join(', ');
  return f.values.length > 3 ? `${shown} and ${f.values.length - 3} more` : shown;
}

/** Mounts the panel in root (called by the section the first time it opens). */
export function mountPropertyFilterPanel(
  root: HTMLElement,
  ctx: ExplorerContext,
): PropertyFilterPanel {
  return new PropertyFilterPanel(root, ctx);
}
