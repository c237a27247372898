import '../styles/level-of-detail.css';
import { fmt, h } from '../ui/dom.js';
import type { LodCell, LodPlan } from './level-of-detail.js';

/** How many aggregates the panel offers to zoom into (the largest on screen). */
const LISTED = 6;

/**
 * The keyboard's way into a simplified picture: aggregates are canvas shapes no key can reach, so
 * a small panel over the canvas says that the picture is simplified and lists the largest
 * aggregates on screen as buttons; Enter (or a click) zooms into one, as a double-click does.
 */
export class LevelOfDetailPanel {
  private readonly root: HTMLElement;
  private readonly note: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    stage: HTMLElement,
    private readonly zoomInto: (cell: LodCell) => void,
  ) {
    this.note = h('p', { class: 'lod-note' });
    this.list = h('div', { class: 'lod-list', role: 'list' });
    this.root = h(
      'section',
      { class: 'lod-panel', role: 'region', 'aria-label': 'Simplified picture', hidden: true },
      this.note,
      this.list,
    );
    stage.append(this.root);
  }

  /** Shows what `plan` draws (null: the picture is drawn in full, the panel hides). */
  show(plan: LodPlan | null, onScreen: (c: LodCell) => boolean): void {
    if (!plan) {
      this.root.hidden = true;
      return;
    }
    const drawn = plan.nodes.length + plan.edges.length + plan.cells.length + plan.links.length;
    this.note.textContent =
      `Simplified: ${fmt(drawn)} of ${fmt(plan.total)} elements drawn, ` +
      `${fmt(plan.cells.length)} groups by place. Zoom in for detail.`;
    const biggest = plan.cells
      .filter(onScreen)
      .sort((a, b) => b.count - a.count)
      .slice(0, LISTED);
    // Keep the focused button's place when the same aggregate is listed again.
    const focused = (document.activeElement as HTMLElement | null)?.dataset['cell'];
    this.list.replaceChildren(
      ...biggest.map((c) =>
        h(
          'div',
          { role: 'listitem' },
          h(
            'button',
            {
              type: 'button',
              class: 'lod-zoom',
              'data-cell': c.id,
              'aria-label': `Zoom into ${c.caption}`,
              onclick: () => this.zoomInto(c),
            },
            c.caption,
          ),
        ),
      ),
    );
    if (focused)
      this.list.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focused)}"]`)?.focus();
    this.root.hidden = false;
  }
}
