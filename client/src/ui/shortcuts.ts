import { byId, h } from './dom.js';

/** A keyboard shortcut: its keys as shown, what it does, and the handler. */
export interface Shortcut {
  readonly keys: string;
  readonly description: string;
  readonly match: (e: KeyboardEvent) => boolean;
  readonly run: () => void;
}

/** A plain key without Ctrl/Meta/Alt. */
export function key(k: string): (e: KeyboardEvent) => boolean {
  return (e) => e.key === k && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** Ctrl (or ⌘) with a key, optionally with Shift. */
export function ctrl(k: string, shift = false): (e: KeyboardEvent) => boolean {
  return (e) => e.key.toLowerCase() === k && (e.ctrlKey || e.metaKey) && e.shiftKey === shift;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
      !!el.closest('.cm-editor'))
  );
}

/**
 * Installs the shortcuts (ignored while typing in a field or the editor) and the `?` dialog that
 * lists them.
 */
export function installShortcuts(shortcuts: readonly Shortcut[]): { showHelp: () => void } {
  const dialog = byId<HTMLDialogElement>('help-dialog');
  const showHelp = (): void => {
    dialog.replaceChildren(
      h(
        'div',
        { class: 'dialog-head' },
        h('h3', { id: 'help-title' }, 'Keyboard shortcuts'),
        h('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
      ),
      h(
        'div',
        { class: 'dialog-body' },
        h(
          'table',
          { class: 'shortcut-table' },
          h(
            'tbody',
            {},
            ...shortcuts.map((s) =>
              h(
                'tr',
                {},
                h('td', {}, ...s.keys.split(' ').map((k) => h('kbd', {}, k))),
                h('td', {}, s.description),
              ),
            ),
          ),
        ),
      ),
    );
    dialog.showModal();
  };
  document.addEventListener('keydown', (e) => {
    if (typing(e.target) || (dialog.open && e.key !== 'Escape')) return;
    const s = shortcuts.find((x) => x.match(e));
    if (!s) return;
    e.preventDefault();
    s.run();
  });
  return { showHelp };
}
