import type { ExplorerContext } from '../graph/connect.js';
import { setViewport } from '../state/commands/set-viewport.js';
import { encodeView, toSaved } from '../state/url-state.js';
import { h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { currentCase, setCurrentCase } from './case-route.js';
import { fetchCases, saveCase, type SavedCase } from './cases-api.js';

/** The current View in a link's encoding (nodes by stable key), viewport included. */
function encodedView(ctx: ExplorerContext): string {
  const cy = ctx.explorer.cy;
  ctx.store.dispatch(setViewport, { zoom: cy.zoom(), pan: { ...cy.pan() } });
  return encodeView(toSaved(ctx.store.view, (id) => ctx.cache.keyOf(id)));
}

function caseRow(c: SavedCase): HTMLElement {
  return h(
    'li',
    { 'data-slug': c.slug },
    h('a', { href: c.path, 'data-testid': 'case-link' }, c.name),
    h(
      'span',
      { class: 'muted' },
      ` · v${c.version} · ${c.savedBy} · ${new Date(c.savedAt).toLocaleString()}`,
    ),
    c.description ? h('div', { class: 'muted' }, c.description) : null,
  );
}

/** The save form (editors): a new case, or a new version of the one this page opened. */
function saveForm(ctx: ExplorerContext, list: () => Promise<void>): HTMLElement {
  const current = currentCase();
  const name = h('input', {
    id: 'case-name',
    type: 'text',
    required: true,
    value: current?.name ?? '',
    'data-testid': 'case-name',
  });
  const description = h('textarea', {
    id: 'case-description',
    rows: 2,
    'data-testid': 'case-description',
  });
  description.value = current?.description ?? '';
  const asNew = h('input', { id: 'case-as-new', type: 'checkbox', checked: !current });
  const error = h('p', { class: 'form-error', role: 'alert' });
  return h(
    'form',
    {
      class: 'case-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        error.textContent = '';
        const slug = current && !asNew.checked ? current.slug : null;
        void saveCase(name.value, description.value, encodedView(ctx), slug)
          .then(async (saved) => {
            setCurrentCase(saved);
            history.replaceState(null, '', saved.path);
            toast(
              `Saved “${saved.name}” (version ${saved.version}): ${location.origin}${saved.path}`,
            );
            await list();
          })
          .catch((err: unknown) => (error.textContent = errorMessage(err)));
      },
    },
    h('h2', {}, 'Save this view'),
    h('div', { class: 'field' }, h('label', { for: 'case-name' }, 'Name'), name),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'case-description' }, 'Description'),
      description,
    ),
    current
      ? h(
          'div',
          { class: 'field' },
          h(
            'label',
            { for: 'case-as-new' },
            asNew,
            ` Save as a new case (else version ${current.version + 1} of “${current.name}”)`,
          ),
        )
      : null,
    error,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'case-save' }, 'Save case'),
  );
}

/**
 * "Cases": the saved cases (anyone who reads), each a short link /c/<slug>, and for an editor a
 * form that saves the current View — a new case, or a new version of the one opened.
 */
export function mountCases(ctx: ExplorerContext, canSave: boolean): void {
  const dialog = h('dialog', { id: 'cases-dialog', 'aria-labelledby': 'cases-title' });
  document.body.append(dialog);
  const listBox = h('ul', { class: 'history-list', 'data-testid': 'case-list' });
  const list = async (): Promise<void> => {
    listBox.replaceChildren(h('li', { class: 'muted' }, 'Loading…'));
    try {
      const cases = await fetchCases();
      listBox.replaceChildren(
        ...(cases.length
          ? cases.map(caseRow)
          : [h('li', { class: 'muted' }, 'No saved case yet.')]),
      );
    } catch (e) {
      listBox.replaceChildren(h('li', {}, errorMessage(e)));
    }
  };
  const open = (): void => {
    dialog.replaceChildren(
      h(
        'div',
        { class: 'dialog-head' },
        h('h3', { id: 'cases-title' }, 'Cases'),
        h('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
      ),
      h(
        'div',
        { class: 'dialog-body cite-dialog' },
        canSave ? saveForm(ctx, list) : null,
        h('h2', {}, 'Saved cases'),
        listBox,
      ),
    );
    dialog.showModal();
    void list();
  };
  const button = h(
    'button',
    {
      id: 'btn-cases',
      type: 'button',
      title: canSave ? 'Save this view as a case, or open one' : 'Open a saved case',
      'data-testid': 'btn-cases',
      onclick: open,
    },
    'Cases',
  );
  document.querySelector('header.topbar nav')?.prepend(button);
}
