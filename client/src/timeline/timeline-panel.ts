import './timeline.css';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { request } from '../api/graphql-client.js';
import { DisagreementsDocument } from '../generated/graphql.js';
import type { ExplorerContext } from '../graph/connect.js';
import { select } from '../state/commands/select.js';
import { setTime, setTimeProperty } from '../state/commands/set-time.js';
import { pictureOf } from '../state/picture.js';
import type { TimeWindow } from '../state/view.js';
import { fmt, h } from '../ui/dom.js';
import { binSpans, dayMs, isoDay, mustBin, packRows, type Bin } from './binning.js';
import {
  collectDisputes,
  collectMarks,
  needsDisputes,
  type DisagreementData,
  type DisputeGroup,
  type Mark,
} from './collect.js';
import { describeBand, isPoint, type DateBand } from './date-band.js';

const DAY = 86_400_000;
const BODY_HEIGHT = 168;
const HEADER_HEIGHT = 34;
const AXIS = 20;
const ROW = 14;
const UNDATED_WIDTH = 250;
const PAD = 10;
const MIN_BIN_PX = 4;

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | null | undefined> = {},
  ...children: (Node | string | null)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs))
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

const title = (text: string): SVGTitleElement => s('title', {}, text);

/** The brush while it is dragged, in pixels; null when it follows the View's time window. */
interface Draft {
  x0: number;
  x1: number;
}

export interface Timeline {
  /** The date or year properties of the schema, for the property chooser. */
  setProperties(properties: readonly string[]): void;
}

/**
 * The timeline under the graph: every dated element on screen as a mark (a band for a season, a
 * month, a year; a point for a day; hatched when inferred), the disagreements between sources with
 * each account's date, and a brush that sets the View's time window (`setTime`, so undo and links
 * keep it). Marks that would overlap are counted into calendar bins instead. It follows the
 * graph's filters; clicking a mark selects its element.
 */
export function mountTimeline(root: HTMLElement, ctx: ExplorerContext): Timeline {
  const { store, explorer, cache } = ctx;
  const stage = root.parentElement;
  let properties: string[] = [];
  let open = true;
  let disagreements: DisagreementData[] | null = null;
  let loadingDisagreements = false;
  let draft: Draft | null = null;
  let scale: ScaleTime<number, number> | null = null;
  let plot = { x0: PAD, x1: PAD + 1 };

  const toggle = h('button', {
    type: 'button',
    class: 'tl-toggle',
    'aria-expanded': 'true',
    'aria-controls': 'timeline-body',
    title: 'Show or hide the timeline',
  });
  const summary = h('span', { class: 'tl-summary muted', 'aria-live': 'polite' });
  const chooser = h('select', {
    'aria-label': 'Date property for the timeline',
    'data-testid': 'time-property',
  });
  const clearRange = h('button', { type: 'button', class: 'tl-clear' }, 'Clear range');
  const header = h(
    'div',
    { class: 'tl-header' },
    toggle,
    summary,
    h('span', { class: 'tl-spacer' }),
    h('label', { class: 'tl-prop' }, 'Date ', chooser),
    clearRange,
  );
  const svg = s('svg', {
    class: 'tl-svg',
    role: 'group',
    'aria-label': 'Timeline of the dated facts on screen',
  });
  const defs = s(
    'defs',
    {},
    s(
      'pattern',
      {
        id: 'tl-hatch',
        width: 5,
        height: 5,
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      s('rect', { width: 5, height: 5, class: 'tl-hatch-bg' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 5, class: 'tl-hatch-line' }),
    ),
  );
  const overlay = s('rect', { class: 'tl-overlay' });
  const brushRect = s('rect', { class: 'tl-brush-rect' });
  const handleStart = s('rect', { class: 'tl-handle', 'data-edge': 'start' });
  const handleEnd = s('rect', { class: 'tl-handle', 'data-edge': 'end' });
  const brush = s(
    'g',
    {
      class: 'tl-brush',
      tabindex: 0,
      role: 'slider',
      'aria-label':
        'Time range: arrow keys move it, Shift with arrow keys resizes it, Escape clears it',
      'data-testid': 'timeline-brush',
    },
    brushRect,
    handleStart,
    handleEnd,
  );
  const marksLayer = s('g', { class: 'tl-marks' });
  const axisLayer = s('g', { class: 'tl-axis', 'aria-hidden': 'true' });
  const undatedLayer = s('g', { class: 'tl-undated' });
  svg.append(defs, overlay, brush, marksLayer, axisLayer, undatedLayer);
  const empty = h('p', { class: 'tl-empty muted' });
  const body = h('div', { id: 'timeline-body', class: 'tl-body' }, svg, empty);
  root.replaceChildren(header, body);
  root.hidden = false;

  const layoutStage = (): void => {
    stage?.style.setProperty(
      '--timeline-height',
      `${open ? HEADER_HEIGHT + BODY_HEIGHT : HEADER_HEIGHT}px`,
    );
    explorer.cy.resize();
  };

  toggle.addEventListener('click', () => {
    open = !open;
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    layoutStage();
    render();
  });
  chooser.addEventListener('change', () => store.dispatch(setTimeProperty, chooser.value || null));
  clearRange.addEventListener('click', () => store.dispatch(setTime, null));

  /** Disagreements come from the story API once; a graph without it simply has none. */
  const loadDisagreements = (): void => {
    if (disagreements || loadingDisagreements) return;
    loadingDisagreements = true;
    request(DisagreementsDocument, {})
      .then((r) => (disagreements = r.disagreements))
      .catch(() => (disagreements = []))
      .finally(() => {
        loadingDisagreements = false;
        render();
      });
  };

  const windowToPx = (time: TimeWindow | null): Draft | null => {
    if (!time || !scale) return null;
    return { x0: scale(new Date(dayMs(time.from))), x1: scale(new Date(dayMs(time.to) + DAY)) };
  };

  const pxToWindow = (d: Draft): TimeWindow | null => {
    if (!scale) return null;
    const a = Math.max(plot.x0, Math.min(d.x0, d.x1));
    const b = Math.min(plot.x1, Math.max(d.x0, d.x1));
    const from = isoDay(scale.invert(a).getTime());
    const to = isoDay(Math.max(dayMs(from), scale.invert(b).getTime() - 1));
    return { from, to };
  };

  const drawBrush = (): void => {
    const d = draft ?? windowToPx(store.view.time);
    const height = BODY_HEIGHT - AXIS;
    if (!d) {
      for (const r of [brushRect, handleStart, handleEnd]) r.setAttribute('width', '0');
      brush.setAttribute('aria-valuetext', 'no range: every date');
      clearRange.disabled = true;
      return;
    }
    const a = Math.max(plot.x0, Math.min(d.x0, d.x1));
    const b = Math.min(plot.x1, Math.max(d.x0, d.x1));
    brushRect.setAttribute('x', String(a));
    brushRect.setAttribute('y', '0');
    brushRect.setAttribute('width', String(Math.max(1, b - a)));
    brushRect.setAttribute('height', String(height));
    handleStart.setAttribute('x', String(a - 3));
    handleEnd.setAttribute('x', String(b - 3));
    for (const r of [handleStart, handleEnd]) {
      r.setAttribute('y', '0');
      r.setAttribute('width', '6');
      r.setAttribute('height', String(height));
    }
    const w = pxToWindow(d);
    brush.setAttribute('aria-valuetext', w ? `${w.from} to ${w.to}` : '');
    clearRange.disabled = !store.view.time;
  };

  // Brushing with the pointer: a drag from empty space, a bin or a mark draws a range, a drag on
  // the range moves it, on an edge resizes it; a click on empty space clears it, a click on a mark
  // or a bin is theirs (select, brush the bin). Capture starts with the drag, so clicks still
  // reach the marks. The View changes once, on release.
  let drag: {
    mode: 'new' | 'move' | 'start' | 'end';
    anchor: number;
    from: Draft;
    clearOnClick: boolean;
    pointerId: number;
    dragging: boolean;
  } | null = null;
  const localX = (e: PointerEvent): number => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('pointerdown', (e) => {
    const target = e.target as Element;
    const onMark = !!target.closest('.tl-mark, .tl-bin');
    if (!scale || e.button !== 0) return;
    if (target !== overlay && !brush.contains(target) && !onMark) return;
    const x = localX(e);
    const current = windowToPx(store.view.time) ?? { x0: x, x1: x };
    const edge = target.getAttribute('data-edge');
    const mode =
      edge === 'start' || edge === 'end' ? edge : target === overlay || onMark ? 'new' : 'move';
    drag = {
      mode,
      anchor: x,
      from: current,
      clearOnClick: target === overlay,
      pointerId: e.pointerId,
      dragging: false,
    };
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const x = Math.max(plot.x0, Math.min(plot.x1, localX(e)));
    const { from, anchor } = drag;
    if (!drag.dragging) {
      if (Math.abs(x - anchor) < 3) return;
      drag.dragging = true;
      svg.setPointerCapture(drag.pointerId);
    }
    if (drag.mode === 'new') draft = { x0: anchor, x1: x };
    else if (drag.mode === 'start') draft = { x0: x, x1: from.x1 };
    else if (drag.mode === 'end') draft = { x0: from.x0, x1: x };
    else {
      const dx = Math.max(plot.x0 - from.x0, Math.min(plot.x1 - from.x1, x - anchor));
      draft = { x0: from.x0 + dx, x1: from.x1 + dx };
    }
    drawBrush();
  });
  const endDrag = (): void => {
    if (!drag) return;
    const d = draft;
    const { dragging, clearOnClick } = drag;
    drag = null;
    draft = null;
    if (dragging && d && Math.abs(d.x1 - d.x0) >= 3) store.dispatch(setTime, pxToWindow(d));
    else if (!dragging && clearOnClick && store.view.time) store.dispatch(setTime, null);
    drawBrush();
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);

  // Brushing with the keyboard, on the focused brush.
  brush.addEventListener('keydown', (e) => {
    if (!scale) return;
    const [d0, d1] = scale.domain().map((d) => d.getTime()) as [number, number];
    const step = Math.max(1, Math.round((d1 - d0) / DAY / 50)) * DAY;
    const time = store.view.time;
    if (e.key === 'Escape') {
      if (time) store.dispatch(setTime, null);
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const sign = e.key === 'ArrowRight' ? 1 : -1;
    if (!time) {
      // The first key press brushes the first quarter of what is shown.
      const from = isoDay(d0);
      store.dispatch(setTime, { from, to: isoDay(d0 + Math.max(DAY, (d1 - d0) / 4) - DAY) });
      return;
    }
    let from = dayMs(time.from);
    let to = dayMs(time.to);
    if (e.shiftKey) to = Math.max(from, to + sign * step);
    else {
      const shift = sign > 0 ? Math.min(step, d1 - DAY - to) : Math.max(-step, d0 - from);
      from += shift;
      to += shift;
    }
    store.dispatch(setTime, { from: isoDay(from), to: isoDay(to) });
  });

  const selectMark = (id: string): void => void store.dispatch(select, [id]);

  function markElement(m: Mark, x0: number, x1: number, y: number): SVGGElement {
    const point = isPoint(m.band);
    const cls = [
      'tl-mark',
      point ? 'tl-point' : 'tl-band',
      m.band.inferred ? 'tl-inferred' : '',
      m.out ? 'tl-out' : '',
      m.selected ? 'tl-selected' : '',
      m.disputed ? 'tl-disputed' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const label = `${m.caption}: ${describeBand(m.band)}${m.band.note ? `. ${m.band.note}` : ''}`;
    const shape = point
      ? s('path', {
          d: `M${x0} ${y} l5 ${ROW / 2 - 1} l-5 ${ROW / 2 - 1} l-5 ${-(ROW / 2 - 1)} z`,
        })
      : s('rect', { x: x0, y: y + 1, width: Math.max(2, x1 - x0), height: ROW - 3, rx: 2 });
    const g = s(
      'g',
      {
        class: cls,
        tabindex: 0,
        role: 'button',
        'aria-label': label,
        'data-id': m.id,
        'data-precision': m.band.precision,
        'data-inferred': String(m.band.inferred),
        'data-start': m.band.start,
        'data-end': m.band.end,
      },
      title(label),
      shape,
    );
    const text = m.band.text ?? m.caption;
    if (!point && x1 - x0 > 40) {
      g.append(
        s(
          'text',
          { x: x0 + 4, y: y + ROW - 4, class: 'tl-mark-label' },
          clip(text, (x1 - x0 - 6) / 6),
        ),
      );
    }
    return g;
  }

  function binElement(
    b: Bin,
    x0: number,
    x1: number,
    top: number,
    height: number,
    max: number,
    unit: string,
  ): SVGGElement {
    const hgt = max ? Math.max(b.count ? 2 : 0, (b.count / max) * height) : 0;
    const label = `${binLabel(b, unit)}: ${fmt(b.count)} dated fact${b.count === 1 ? '' : 's'}`;
    const g = s(
      'g',
      {
        class: 'tl-bin',
        tabindex: b.count ? 0 : null,
        role: b.count ? 'button' : null,
        'aria-label': `${label}. Enter brushes this ${unit}.`,
        'data-count': b.count,
        'data-start': isoDay(b.start),
      },
      title(label),
      s('rect', { x: x0, y: top, width: Math.max(1, x1 - x0 - 1), height, class: 'tl-bin-hit' }),
      s('rect', {
        x: x0,
        y: top + height - hgt,
        width: Math.max(1, x1 - x0 - 1),
        height: hgt,
        class: 'tl-bin-bar',
      }),
    );
    const brushBin = (): void =>
      void store.dispatch(setTime, { from: isoDay(b.start), to: isoDay(b.end - DAY) });
    g.addEventListener('click', brushBin);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        brushBin();
      }
    });
    return g;
  }

  function drawAxis(width: number): void {
    if (!scale) return;
    const y = BODY_HEIGHT - AXIS;
    const ticks = scale.ticks(Math.max(2, Math.floor((plot.x1 - plot.x0) / 90)));
    const format = scale.tickFormat();
    axisLayer.replaceChildren(
      s('line', { x1: plot.x0, x2: plot.x1, y1: y + 0.5, y2: y + 0.5, class: 'tl-axis-line' }),
      ...ticks.flatMap((t) => {
        const x = scale?.(t) ?? 0;
        return [
          s('line', { x1: x, x2: x, y1: y, y2: y + 4, class: 'tl-axis-line' }),
          s('text', { x, y: y + 15, class: 'tl-tick', 'text-anchor': 'middle' }, format(t)),
        ];
      }),
    );
    overlay.setAttribute('x', String(plot.x0));
    overlay.setAttribute('y', '0');
    overlay.setAttribute('width', String(Math.max(0, plot.x1 - plot.x0)));
    overlay.setAttribute('height', String(y));
    svg.setAttribute('width', String(width));
  }

  /** Disputes whose accounts are dated: each account on its own row, joined by a dashed link. */
  function drawDatedDisputes(groups: DisputeGroup[], top: number): number {
    let y = top;
    for (const g of groups) {
      if (!scale) break;
      const rows: { y: number; x: number }[] = [];
      const el = s('g', { class: 'tl-dispute', 'data-disagreement': g.id, 'data-dates': g.dates });
      for (const a of g.accounts) {
        if (!a.band) continue;
        const x0 = scale(new Date(dayMs(a.band.start)));
        const x1 = scale(new Date(dayMs(a.band.end) + DAY));
        el.append(accountElement(g, a, x0, x1, y));
        rows.push({ y, x: x0 });
        y += ROW;
      }
      if (rows.length > 1) {
        const x = Math.min(...rows.map((r) => r.x)) - 4;
        el.prepend(
          s(
            'path',
            {
              class: 'tl-dispute-link',
              d: `M${x + 3} ${(rows[0]?.y ?? 0) + ROW / 2} H${x} V${(rows.at(-1)?.y ?? 0) + ROW / 2} H${x + 3}`,
            },
            title(disputeTitle(g)),
          ),
        );
      }
      marksLayer.append(el);
    }
    return y - top;
  }

  function accountElement(
    g: DisputeGroup,
    a: DisputeGroup['accounts'][number],
    x0: number,
    x1: number,
    y: number,
  ): SVGGElement {
    const when = a.band ? describeBand(a.band) : 'no date given';
    const label = `${a.name} — ${a.sources.join(', ')}: ${when}. Disagreement: ${g.name}`;
    const onScreen = !!store.view.nodes[a.id] || !!store.view.nodes[g.nodeId];
    const el = s(
      'g',
      {
        class: `tl-account${a.band?.inferred ? ' tl-inferred' : ''}${a.band ? '' : ' tl-undated-account'}`,
        tabindex: onScreen ? 0 : null,
        role: onScreen ? 'button' : null,
        'aria-label': label,
        'data-account': a.id,
        'data-sources': a.sources.join(' '),
      },
      title(label),
      s('rect', { x: x0, y: y + 1, width: Math.max(6, x1 - x0), height: ROW - 3, rx: 2 }),
      s(
        'text',
        { x: x0 + Math.max(6, x1 - x0) + 4, y: y + ROW - 4, class: 'tl-mark-label' },
        clip(a.name, 34),
      ),
    );
    if (onScreen) {
      const target = store.view.nodes[a.id] ? a.id : g.nodeId;
      el.addEventListener('click', () => selectMark(target));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          selectMark(target);
        }
      });
    }
    return el;
  }

  /** Disputes whose accounts give no date: listed at the right, each pair joined as a disagreement. */
  function drawUndated(groups: DisputeGroup[], x: number): void {
    const items: SVGElement[] = [
      s('text', { x, y: 12, class: 'tl-undated-title' }, 'Undated disagreements'),
    ];
    let y = 18;
    let shown = 0;
    for (const g of groups) {
      if (y + ROW * (g.accounts.length + 2) > BODY_HEIGHT) {
        items.push(
          s(
            'text',
            { x, y: y + ROW - 4, class: 'tl-undated-title' },
            `+ ${groups.length - shown} more: see Disagreements (D)`,
          ),
        );
        break;
      }
      shown += 1;
      const el = s('g', { class: 'tl-dispute', 'data-disagreement': g.id, 'data-dates': g.dates });
      el.append(
        s(
          'text',
          { x, y: y + ROW - 4, class: 'tl-dispute-name' },
          title(disputeTitle(g)),
          clip(g.name, 36),
        ),
      );
      const first = y + ROW;
      y += ROW;
      for (const a of g.accounts) {
        el.append(accountElement(g, a, x + 10, x + 18, y));
        y += ROW;
      }
      el.append(
        s(
          'path',
          {
            class: 'tl-dispute-link',
            d: `M${x + 8} ${first + ROW / 2} H${x + 3} V${y - ROW / 2} H${x + 8}`,
          },
          title(disputeTitle(g)),
        ),
      );
      undatedLayer.append(el);
      y += 4;
    }
    undatedLayer.prepend(...items);
  }

  let renders = 0;
  /** Draws the timeline; its duration and mark count go on the root for the render bench. */
  function render(): void {
    const t0 = performance.now();
    renderChooser();
    if (!open) return;
    const count = draw();
    renders += 1;
    root.dataset['renders'] = String(renders);
    root.dataset['marks'] = String(count);
    root.dataset['renderMs'] = (performance.now() - t0).toFixed(1);
  }

  /** Returns the number of dated elements drawn (as marks or counted in bins). */
  function draw(): number {
    const view = store.view;
    const focusedId = (document.activeElement as Element | null)?.getAttribute?.('data-id');
    // The whole picture, not what Cytoscape holds: a simplified picture draws only part of it.
    const picture = pictureOf(view, cache, explorer.labelPriority);
    const marks = collectMarks(picture, cache, view);
    const needDisputes = needsDisputes(picture, cache);
    if (needDisputes) loadDisagreements();
    const disputes =
      needDisputes && disagreements ? collectDisputes(picture, cache, view, disagreements) : [];
    const dated = disputes.filter((d) => d.dates !== 'undated');
    const undated = disputes.filter((d) => d.dates === 'undated');

    const width = Math.max(200, body.clientWidth || root.clientWidth || 800);
    plot = { x0: PAD + 6, x1: width - PAD - (undated.length ? UNDATED_WIDTH : 0) };
    marksLayer.replaceChildren();
    undatedLayer.replaceChildren();

    const starts = [
      ...marks.map((m) => m.span.start),
      ...dated.flatMap((d) => d.accounts.map((a) => (a.band ? dayMs(a.band.start) : NaN))),
    ].filter((n) => !Number.isNaN(n));
    const ends = [
      ...marks.map((m) => m.span.end),
      ...dated.flatMap((d) => d.accounts.map((a) => (a.band ? dayMs(a.band.end) + DAY : NaN))),
    ].filter((n) => !Number.isNaN(n));
    if (view.time) {
      starts.push(dayMs(view.time.from));
      ends.push(dayMs(view.time.to) + DAY);
    }
    let lo = Math.min(...starts);
    let hi = Math.max(...ends);
    const hasDates = starts.length > 0;
    empty.hidden = hasDates || undated.length > 0;
    empty.textContent = hasDates
      ? ''
      : `No element on screen is dated by ${view.timeProperty ?? 'start, end or date'}. Choose a date property above, or bring dated facts onto the canvas.`;
    svg.style.display = hasDates || undated.length ? '' : 'none';
    if (!hasDates) {
      scale = null;
      axisLayer.replaceChildren();
      if (undated.length) drawUndated(undated, width - UNDATED_WIDTH + 6);
      drawBrush();
      summary.textContent = undated.length
        ? `No dated facts on screen · ${undated.length} undated disagreement${undated.length === 1 ? '' : 's'}`
        : 'No dated facts on screen';
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(BODY_HEIGHT));
      return 0;
    }
    // A little room either side, and at least a month shown (a lone day is not a whole axis).
    const pad = Math.max(DAY, (hi - lo) * 0.03, (30 * DAY - (hi - lo)) / 2);
    lo -= pad;
    hi += pad;
    scale = scaleUtc()
      .domain([new Date(lo), new Date(hi)])
      .range([plot.x0, plot.x1]);
    svg.setAttribute('height', String(BODY_HEIGHT));
    drawAxis(width);
    if (undated.length) drawUndated(undated, width - UNDATED_WIDTH + 6);

    const disputeHeight = drawDatedDisputes(dated, 2);
    const top = 2 + disputeHeight + (disputeHeight ? 4 : 0);
    const areaHeight = BODY_HEIGHT - AXIS - top - 2;
    const rowsAvailable = Math.max(1, Math.floor(areaHeight / ROW));
    const px = marks.map((m) => ({
      x0: scale?.(new Date(m.span.start)) ?? 0,
      x1: isPoint(m.band)
        ? (scale?.(new Date(m.span.start)) ?? 0)
        : (scale?.(new Date(m.span.end)) ?? 0),
    }));
    const points = marks.map((m, i) =>
      isPoint(m.band)
        ? { x0: (px[i]?.x0 ?? 0) - 5, x1: (px[i]?.x0 ?? 0) + 5 }
        : (px[i] ?? { x0: 0, x1: 0 }),
    );
    const packed = packRows(points, 2, 10, rowsAvailable);
    const inRange = marks.filter((m) => !m.out).length;
    const rangeText = view.time
      ? ` · range ${view.time.from} – ${view.time.to}: ${fmt(inRange)} in it`
      : '';
    const disputeText = disputes.length
      ? ` · ${disputes.length} disagreement${disputes.length === 1 ? '' : 's'}`
      : '';
    if (mustBin(packed.count, rowsAvailable)) {
      const maxBins = Math.max(1, Math.floor((plot.x1 - plot.x0) / MIN_BIN_PX));
      const { unit, bins } = binSpans(
        marks.map((m) => m.span),
        lo,
        hi,
        maxBins,
      );
      const max = Math.max(0, ...bins.map((b) => b.count));
      marksLayer.setAttribute('data-mode', 'bins');
      marksLayer.setAttribute('data-unit', unit);
      for (const b of bins) {
        const x0 = Math.max(plot.x0, scale(new Date(b.start)));
        const x1 = Math.min(plot.x1, scale(new Date(b.end)));
        if (x1 <= x0) continue;
        marksLayer.append(binElement(b, x0, x1, top, areaHeight, max, unit));
      }
      summary.textContent = `${fmt(marks.length)} dated facts in ${UNIT_ADJECTIVE[unit] ?? unit} bins (too many to draw one by one; max ${fmt(max)} per ${unit})${rangeText}${disputeText}`;
    } else {
      marksLayer.setAttribute('data-mode', 'marks');
      marksLayer.removeAttribute('data-unit');
      marks.forEach((m, i) => {
        const p = px[i] ?? { x0: 0, x1: 0 };
        const el = markElement(m, p.x0, p.x1, top + (packed.rows[i] ?? 0) * ROW);
        el.addEventListener('click', () => selectMark(m.id));
        el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            selectMark(m.id);
          }
        });
        marksLayer.append(el);
      });
      const inferred = marks.filter((m) => m.band.inferred).length;
      summary.textContent = `${fmt(marks.length)} dated fact${marks.length === 1 ? '' : 's'}${inferred ? ` (${inferred} with inferred dates, hatched)` : ''}${rangeText}${disputeText}`;
    }
    if (focusedId) {
      const again = marksLayer.querySelector<SVGGElement>(`[data-id="${CSS.escape(focusedId)}"]`);
      again?.focus();
    }
    drawBrush();
    return marks.length;
  }

  function renderChooser(): void {
    const current = store.view.timeProperty ?? '';
    const want = ['', ...properties];
    const have = [...chooser.options].map((o) => o.value);
    if (want.join('\n') !== have.join('\n')) {
      chooser.replaceChildren(
        ...want.map((p) => h('option', { value: p }, p || 'start / end / date')),
      );
    }
    if (current && !want.includes(current))
      chooser.append(h('option', { value: current }, current));
    chooser.value = current;
  }

  // A change the timeline does not show is not drawn again: in bins (thousands of dated facts) a
  // selection shows nowhere, and at 50,000 nodes a render on every click is a pass over them all.
  let drawnFor: readonly unknown[] = [];
  store.subscribe(
    () =>
      void explorer.idle().then(() => {
        const view = store.view;
        const key = [pictureOf(view, cache, explorer.labelPriority), view.time, view.timeProperty];
        const binned = marksLayer.getAttribute('data-mode') === 'bins';
        if (binned && open && key.every((k, i) => k === drawnFor[i])) {
          renderChooser();
          return;
        }
        drawnFor = key;
        render();
      }),
  );
  // A `refresh` event on the root draws again: the render bench times the timeline on its own
  // this way (opening it also resizes the canvas, whose redraw is not the timeline's).
  root.addEventListener('refresh', () => render());
  new ResizeObserver(() => render()).observe(body);
  layoutStage();
  render();

  return {
    setProperties(list) {
      properties = [...list];
      render();
    },
  };
}

function clip(text: string, chars: number): string {
  const n = Math.max(3, Math.floor(chars));
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function disputeTitle(g: DisputeGroup): string {
  const dates =
    g.dates === 'undated'
      ? 'none of the accounts dates it'
      : g.dates === 'same'
        ? 'the accounts give the same date'
        : 'the accounts give different dates';
  return `Disagreement: ${g.name} — ${g.accounts.length} accounts (${g.accounts.map((a) => a.sources.join('+')).join(' vs ')}); ${dates}`;
}

const UNIT_ADJECTIVE: Record<string, string> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
  decade: 'ten-year',
  century: 'hundred-year',
};

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function binLabel(b: Bin, unit: string): string {
  const d = new Date(b.start);
  const y = d.getUTCFullYear();
  if (unit === 'year' || unit === 'decade' || unit === 'century') return String(y);
  if (unit === 'month') return `${MONTH[d.getUTCMonth()]} ${y}`;
  if (unit === 'quarter') return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`;
  if (unit === 'week') return `week of ${isoDay(b.start)}`;
  return isoDay(b.start);
}

export type { DateBand };
