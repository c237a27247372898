import type { Explorer } from '../graph/explorer.js';
import { byId, h } from '../ui/dom.js';
import { monthEnd, monthIndex, monthLabel, monthStart, spanOf } from './time-window.js';

/**
 * The time slider: two handles over the months the dated facts on screen span. Facts dated
 * outside the window are hidden; undated ones always stay (most of a story is undated).
 */
export class TimeFilter {
  private lastSpan = '';

  constructor(private readonly explorer: Explorer) {
    explorer.onChange(() => this.render());
  }

  /** Redraws the slider; `force` after the window was set from outside (a shared link). */
  render(force = false): void {
    if (force) this.lastSpan = '';
    const dates = this.explorer.cy
      .elements()
      .map((e) => [e.data('start'), e.data('end')])
      .flat()
      .filter((d): d is string => typeof d === 'string');
    const span = spanOf(dates);
    const box = byId('time-filter');
    const text = byId('time-range-text');
    const key = span ? `${span.min}-${span.max}` : 'none';
    if (key === this.lastSpan) return;
    this.lastSpan = key;
    if (!span) {
      text.textContent = '';
      box.replaceChildren(
        h(
          'p',
          { class: 'muted', style: 'margin:0' },
          'No dated facts on screen. Events with a start date appear here.',
        ),
      );
      return;
    }
    const time = this.explorer.settings.time;
    const from = h('input', {
      type: 'range',
      min: span.min,
      max: span.max,
      value: time ? monthIndex(time.from) : span.min,
      'aria-label': 'From month',
    });
    const to = h('input', {
      type: 'range',
      min: span.min,
      max: span.max,
      value: time ? monthIndex(time.to) : span.max,
      'aria-label': 'To month',
    });
    const labels = h('div', { class: 'row' });
    const count = h('div', { class: 'row' });
    const update = (commit: boolean): void => {
      let a = Number(from.value);
      let b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      labels.replaceChildren(h('span', {}, monthLabel(a)), h('span', {}, monthLabel(b)));
      const full = a === span.min && b === span.max;
      text.textContent = full ? 'all' : `${monthLabel(a)} – ${monthLabel(b)}`;
      if (!commit) return;
      this.explorer.settings.time = full ? null : { from: monthStart(a), to: monthEnd(b) };
      this.explorer.applyFilters();
      const hidden = this.explorer.cy.elements('.t-hidden').length;
      count.replaceChildren(
        h('span', {}, hidden ? `${hidden} dated facts hidden` : `${dates.length >> 1} dated facts`),
      );
      this.explorer.changed();
    };
    for (const input of [from, to]) {
      input.addEventListener('input', () => update(false));
      input.addEventListener('change', () => update(true));
    }
    update(false);
    box.replaceChildren(from, to, labels, count);
  }
}
