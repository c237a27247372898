import { trapFocus } from '../sources/focus-trap.js';
import { h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { authoringContext } from './authoring-context.js';
import { CITE_KINDS, citeForm, type CiteForm, type CiteKind } from './cite-forms.js';
import { showWritten } from './show-written.js';

/** A passage to cite: the source, the exact selected words and where they are in its text. */
export interface CiteRequest {
  readonly sourceId: string;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** Prefills the form (the reader's "create" on a suggested entity). */
  readonly suggest?: { readonly kind: 'entity'; readonly name: string; readonly label?: string };
}

/**
 * "Cite…": the passage, a choice of what it supports (an entity, a relationship, a property value,
 * a claim, one side of a disagreement) and that kind's form. Save writes the fact citing the
 * passage exactly, brings it into the picture selected, and closes; an error keeps the dialog
 * open with the server's sentence. Resolves when the dialog closes, with whether it saved.
 */
export function openCiteDialog(req: CiteRequest): Promise<boolean> {
  const ctx = authoringContext();
  // Where focus goes back to when the dialog closes (the reader's text, a mention, "Cite…").
  const opener = document.activeElement;
  const dialog = citeDialogElement();
  const selectedId = ctx.store.view.selected.find((id) => ctx.store.view.nodes[id]);
  const seed = {
    quote: req.quote,
    ...(req.suggest ? { suggest: req.suggest } : {}),
    selected: selectedId ? { id: selectedId, caption: ctx.cache.captionOf(selectedId) } : null,
  };
  let form: CiteForm = citeForm('entity', seed);
  const formBox = h('div', { class: 'cite-form' }, form.element);
  const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'cite-error' });
  const kind = h(
    'select',
    {
      id: 'cite-kind',
      'data-testid': 'cite-kind',
      onchange: () => {
        form = citeForm(kind.value as CiteKind, seed);
        formBox.replaceChildren(form.element);
        error.textContent = '';
      },
    },
    ...CITE_KINDS.map((k) => h('option', { value: k.kind }, k.label)),
  );
  const save = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'cite-save' },
    'Save',
  );
  const cancel = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
  let saved = false;
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    error.textContent = '';
    save.disabled = true;
    try {
      const citation = { source: req.sourceId, quote: req.quote };
      const result = await form.save(citation);
      saved = true;
      dialog.close();
      toast(await showWritten(ctx, result));
    } catch (err) {
      error.textContent = errorMessage(err);
    } finally {
      save.disabled = false;
    }
  };
  dialog.replaceChildren(
    h(
      'form',
      { method: 'dialog', onsubmit: (e: Event) => void submit(e) },
      h('div', { class: 'dialog-head' }, h('h3', { id: 'cite-title' }, 'Cite this passage')),
      h(
        'div',
        { class: 'dialog-body' },
        h('blockquote', { class: 'citation', 'data-testid': 'cite-quote' }, req.quote),
        h('div', { class: 'field' }, h('label', { for: 'cite-kind' }, 'It supports'), kind),
        formBox,
        error,
        h('div', { class: 'actions-row' }, save, cancel),
      ),
    ),
  );
  if (req.suggest) kind.value = 'entity';
  dialog.showModal();
  trapFocus(dialog, opener);
  kind.focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(saved), { once: true });
  });
}

/** The dialog element, made once (the page's HTML stays as it is for readers). */
function citeDialogElement(): HTMLDialogElement {
  let dialog = document.getElementById('cite-dialog') as HTMLDialogElement | null;
  if (!dialog) {
    dialog = h('dialog', {
      id: 'cite-dialog',
      class: 'cite-dialog',
      'aria-labelledby': 'cite-title',
    });
    document.body.append(dialog);
  }
  if (dialog.open) dialog.close();
  return dialog;
}

/** Opens the dialog and reports a failure to open (no editor signed in) as a message. */
export function tryOpenCiteDialog(req: CiteRequest): void {
  try {
    void openCiteDialog(req);
  } catch (e) {
    toast(errorMessage(e), 'error');
  }
}
