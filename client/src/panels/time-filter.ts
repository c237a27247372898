import type { ExplorerContext } from '../graph/connect.js';
import { factSpan } from '../graph/explorer-window.js';
import { setTime, setTimeProperty } from '../state/commands/set-time.js';
import { byId, h } from '../ui/dom.js';
import { monthEnd, monthIndex, monthLabel, monthStart, spanOf } from './time-window.js';

/**
 * The time slider: two handles over the months the dated facts in the picture span, and the
 * property that dates them (`start`/`end` by default; any date or year property of the schema,
 * e.g. POLE's Crime.date or Movies' Movie.released). Facts outside the window are filtered out;
 * undated ones always stay.
 */
export class TimeFilter {
  private lastKey = '';
  private properties: string[] = [];

  constructor(private readonly ctx: ExplorerContext) {
    ctx.store.subscribe(() => void ctx.explorer.idle().then(() => this.render()));
  }

  /** The date or year properties the schema overview offers. */
  setProperties(properties: readonly string[]): void {
    this.properties = [...properties];
    this.render(true);
  }

  render(force = false): void {
    const { store, cache, explorer } = this.ctx;
    const view = store.view;
    const dates = explorer.cy
      .elements()
      .map((e) => {
        const props = cache.node(e.id())?.properties ?? cache.edge(e.id())?.properties ?? {};
        const s = factSpan(props, view.timeProperty);
        return [s.start, s.end];
      })
      .flat()
      .filter((d): d is string => typeof d === 'string');
    const span = spanOf(dates);
    const key = `${span ? `${span.min}-${span.max}` : 'none'}|${view.timeProperty}|${view.time?.from}|${view.time?.to}|${this.properties.join()}`;
    if (key === this.lastKey && !force) return;
    this.lastKey = key;
    const box = byId('time-filter');
    const text = byId('time-range-text');
    const chooser = this.chooser(view.timeProperty);
    if (!span) {
      text.textContent = '';
      box.replaceChildren(
        chooser,
        h(
          'p',
          { class: 'muted', style: 'margin:0' },
          `No facts in the picture are dated by ${view.timeProperty ?? 'start, end or date'}.`,
        ),
      );
      return;
    }
    const input = (label: string, value: number): HTMLInputElement =>
      h('input', { type: 'range', min: span.min, max: span.max, value, 'aria-label': label });
    const from = input('From month', view.time ? monthIndex(view.time.from) : span.min);
    const to = input('To month', view.time ? monthIndex(view.time.to) : span.max);
    const labels = h('div', { class: 'row' });
    const update = (commit: boolean): void => {
      let a = Number(from.value);
      let b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      labels.replaceChildren(h('span', {}, monthLabel(a)), h('span', {}, monthLabel(b)));
      const full = a === span.min && b === span.max;
      text.textContent = full ? 'all' : `${monthLabel(a)} – ${monthLabel(b)}`;
      if (commit) store.dispatch(setTime, full ? null : { from: monthStart(a), to: monthEnd(b) });
    };
    for (const el of [from, to]) {
      el.addEventListener('input', () => update(false));
      el.addEventListener('change', () => update(true));
    }
    update(false);
    const hidden = explorer.cy.elements('.t-hidden').length;
    const count = h(
      'div',
      { class: 'row' },
      h('span', {}, hidden ? `${hidden} dated facts hidden` : `${dates.length >> 1} dated facts`),
    );
    box.replaceChildren(chooser, from, to, labels, count);
  }

  private chooser(current: string | null): HTMLElement {
    const select = h(
      'select',
      { 'aria-label': 'Date property for the time filter', 'data-testid': 'time-property' },
      h('option', { value: '' }, 'start / end / date'),
      ...this.properties.map((p) => h('option', { value: p, selected: p === current }, p)),
    );
    select.addEventListener('change', () =>
      this.ctx.store.dispatch(setTimeProperty, select.value || null),
    );
    return select;
  }
}
