import { GraphQLRequestError } from '../api/graphql-client.js';
import { h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { ACCEPTED, extractFile } from './extract-file.js';
import { extractPlainText } from './extract-text.js';
import { trapFocus } from './focus-trap.js';
import { addSource } from './reader-api.js';
import type { SourceDraft } from './source-draft.js';
import './sources.css';

const FIELDS: readonly { key: keyof SourceDraft; label: string; hint?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'author', label: 'Author' },
  { key: 'url', label: 'URL' },
  { key: 'published', label: 'Published', hint: '2022, 2022-12, 2022-12-22 or words' },
  { key: 'language', label: 'Language', hint: 'e.g. en' },
];

function intakeElement(): HTMLDialogElement {
  let dialog = document.getElementById('intake-dialog') as HTMLDialogElement | null;
  if (!dialog) {
    dialog = h('dialog', {
      id: 'intake-dialog',
      class: 'intake-dialog',
      'aria-labelledby': 'intake-heading',
    });
    // A closed intake keeps nothing: a stale file input left in it would take a file meant for
    // the next opening, whose form replaces it moments later.
    dialog.addEventListener('close', () => dialog?.replaceChildren());
    document.body.append(dialog);
  }
  return dialog;
}

/**
 * "Add source": paste a text, or drop or choose a file (.txt, .md, .html, .pdf, .docx) that is
 * read in the browser; the title, publisher, author, URL and date the file states are prefilled
 * and editable; Save stores it with addSource and opens it in the reader. A duplicate names the
 * source that holds the text (with a button to open it); any error leaves nothing stored.
 */
export function openIntake(openReader: (sourceId: string) => void): void {
  const opener = document.activeElement;
  const dialog = intakeElement();
  const key = crypto.randomUUID();
  const text = h('textarea', {
    id: 'intake-text',
    rows: 10,
    required: true,
    'aria-label': 'Text of the source',
    placeholder: 'Paste the article’s text here, or drop a file on this box.',
  });
  const file = h('input', {
    id: 'intake-file',
    type: 'file',
    accept: ACCEPTED,
    class: 'visually-hidden',
  });
  const progress = h('progress', {
    id: 'intake-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': 'Reading the file',
  });
  const status = h('p', { class: 'muted', role: 'status', 'data-testid': 'intake-status' });
  const error = h('div', { class: 'form-error', role: 'alert', 'data-testid': 'intake-error' });
  const inputs = new Map<keyof SourceDraft, HTMLInputElement>();
  const fields = FIELDS.map(({ key: k, label, hint }) => {
    const input = h('input', {
      id: `intake-${k}`,
      name: k,
      type: k === 'url' ? 'url' : 'text',
      required: k === 'title',
      placeholder: hint ?? '',
    });
    inputs.set(k, input);
    return h('label', { for: `intake-${k}` }, `${label}${k === 'title' ? ' *' : ''}`, input);
  });
  const save = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'intake-save' },
    'Save source',
  );
  const cancel = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');

  const fill = (d: SourceDraft): void => {
    text.value = d.text;
    for (const { key: k } of FIELDS) inputs.get(k)!.value = d[k];
  };
  const readFile = async (f: File): Promise<void> => {
    error.replaceChildren();
    progress.hidden = false;
    progress.value = 0;
    save.disabled = true;
    try {
      const d = await extractFile(f, (fraction, what) => {
        progress.value = fraction;
        status.textContent = what;
      });
      fill(d);
      status.textContent = `Read ${f.name}: ${d.text.length.toLocaleString('en-GB')} characters. Check the details, then save.`;
    } catch (e) {
      status.textContent = '';
      error.textContent = errorMessage(e);
    } finally {
      progress.hidden = true;
      save.disabled = false;
    }
  };
  file.onchange = () => {
    const f = file.files?.[0];
    if (f) void readFile(f);
  };
  const drop = h(
    'div',
    { class: 'intake-drop', 'data-testid': 'intake-drop' },
    text,
    h(
      'div',
      { class: 'intake-drop-bar' },
      h(
        'label',
        {
          for: 'intake-file',
          class: 'button-like',
          tabindex: 0,
          onkeydown: (e: Event) => {
            if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
              e.preventDefault();
              file.click();
            }
          },
        },
        'Choose a file…',
      ),
      file,
      h(
        'span',
        { class: 'muted' },
        ' .txt, .md, .html, .pdf or .docx — read here, in your browser',
      ),
      progress,
    ),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const f = e.dataTransfer?.files[0];
    if (f) void readFile(f);
  });
  text.addEventListener('paste', () => {
    // A pasted text gets its first line as a title when none is set yet.
    setTimeout(() => {
      const title = inputs.get('title')!;
      if (!title.value.trim()) title.value = extractPlainText(text.value).title;
    });
  });

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    error.replaceChildren();
    const value = (k: keyof SourceDraft): string | null => inputs.get(k)!.value.trim() || null;
    if (!text.value.trim()) {
      error.textContent = 'Paste the text or choose a file first.';
      return;
    }
    save.disabled = true;
    status.textContent = 'Saving…';
    try {
      const source = await addSource(
        {
          text: text.value,
          title: value('title') ?? '',
          publisher: value('publisher'),
          author: value('author'),
          url: value('url'),
          published: value('published'),
          language: value('language'),
        },
        key,
      );
      // Focus goes on to the reader, not back to "Add source".
      focus.forget();
      dialog.close();
      toast(`Source added: ${source.title} (${source.id}).`);
      openReader(source.id);
    } catch (err) {
      status.textContent = '';
      const existing =
        err instanceof GraphQLRequestError
          ? err.errors[0]?.extensions?.['existingSourceId']
          : undefined;
      error.replaceChildren(errorMessage(err));
      if (typeof existing === 'string') {
        error.append(
          ' ',
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'intake-open-existing',
              onclick: () => {
                focus.forget();
                dialog.close();
                openReader(existing);
              },
            },
            `Open ${existing}`,
          ),
        );
      }
    } finally {
      save.disabled = false;
    }
  };

  dialog.replaceChildren(
    h(
      'form',
      { method: 'dialog', onsubmit: (e: Event) => void submit(e) },
      h(
        'div',
        { class: 'dialog-head' },
        h('h3', { id: 'intake-heading' }, 'Add source'),
        h('button', { type: 'button', 'aria-label': 'Close', onclick: () => dialog.close() }, '×'),
      ),
      h(
        'div',
        { class: 'dialog-body intake-body' },
        drop,
        status,
        h('div', { class: 'intake-fields' }, fields),
        error,
      ),
      h('div', { class: 'dialog-foot' }, cancel, save),
    ),
  );
  if (!dialog.open) dialog.showModal();
  const focus = trapFocus(dialog, opener);
  text.focus();
}
