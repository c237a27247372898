import { h } from './dom.js';
import { errorMessage, toast } from './toast.js';

/** What a panel module gives back once mounted. */
export interface LazyPanel {
  focus(): void;
}

export interface LazySectionOptions {
  /** Id prefix: the section gets `#<prefix>-title`, `#<prefix>-count` and `#<prefix>-panel`. */
  readonly prefix: string;
  /** The heading. */
  readonly title: string;
  /** The text of the button that opens and closes the panel. */
  readonly buttonText: string;
  /** Extra attributes of that button (an id or class tests and styles find it by). */
  readonly buttonAttrs?: Readonly<Record<string, string>>;
  /** Names the panel in the message shown when it cannot be loaded ("the evidence legend"). */
  readonly panelName: string;
  /** Imports the panel module and mounts it into `body`; called the first time it opens. */
  readonly load: (body: HTMLElement) => Promise<LazyPanel>;
  /** How many of its settings are in force, shown next to the heading (0: nothing shown). */
  readonly inForce: () => number;
  /** Called back on every change of state, so the count stays current. */
  readonly subscribe: (listener: () => void) => void;
}

/**
 * A left-column section whose panel is loaded the first time it opens, so the first page carries
 * only the heading and the button (issue 16's first page). A failed load is reported and tried
 * again at the next opening. Returns the section, appended to `parent`.
 */
export function mountLazySection(parent: Element, o: LazySectionOptions): HTMLElement {
  const count = h('span', { class: 'muted', id: `${o.prefix}-count` });
  const body = h('div', { id: `${o.prefix}-panel`, hidden: true });
  const toggle = h(
    'button',
    {
      ...o.buttonAttrs,
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': `${o.prefix}-panel`,
    },
    o.buttonText,
  );
  let loading: Promise<LazyPanel> | null = null;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (!open) return;
    loading ??= o.load(body);
    loading.then(
      (panel) => {
        panel.focus();
        // Sections sit low in the left column: bring the opened panel into sight.
        body.scrollIntoView({ block: 'nearest' });
      },
      (e: unknown) => {
        loading = null;
        toast(`Could not open ${o.panelName}: ${errorMessage(e)}`, 'error');
      },
    );
  });
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': `${o.prefix}-title` },
    h('h2', { id: `${o.prefix}-title` }, `${o.title} `, count),
    toggle,
    body,
  );
  parent.append(section);
  const update = (): void => {
    const n = o.inForce();
    count.textContent = n ? `${n} in force` : '';
  };
  o.subscribe(update);
  update();
  return section;
}
