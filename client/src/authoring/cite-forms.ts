import { fetchSchema } from '../api/graph-api.js';
import type { CitationInput } from '../generated/graphql.js';
import { h } from '../ui/dom.js';
import * as api from './authoring-api.js';
import { nodePicker, type PickedNode } from './node-picker.js';

/** What a passage can support: the kinds the cite dialog offers. */
export type CiteKind = 'entity' | 'relationship' | 'property' | 'claim' | 'disagreement';

export const CITE_KINDS: readonly { kind: CiteKind; label: string }[] = [
  { kind: 'entity', label: 'An entity' },
  { kind: 'relationship', label: 'A relationship' },
  { kind: 'property', label: 'A property value' },
  { kind: 'claim', label: 'A claim' },
  { kind: 'disagreement', label: 'One side of a disagreement' },
];

/** A form for one kind: its fields, and the write it makes on Save. */
export interface CiteForm {
  readonly element: HTMLElement;
  readonly save: (citation: CitationInput) => Promise<api.WriteResult>;
}

export interface FormSeed {
  readonly quote: string;
  readonly suggest?: { readonly kind: 'entity'; readonly name: string; readonly label?: string };
  /** The node selected in the explorer, offered as the subject. */
  readonly selected: PickedNode | null;
}

let schemaNames: Promise<{ labels: string[]; types: string[] }> | null = null;

/** Labels and relationship types of the live graph (fetched once), most used first. */
function names(): Promise<{ labels: string[]; types: string[] }> {
  schemaNames ??= fetchSchema()
    .then((s) => ({
      labels: [...s.labels].sort((a, b) => b.count - a.count).map((l) => l.name),
      types: [...s.relationshipTypes].sort((a, b) => b.count - a.count).map((t) => t.name),
    }))
    .catch(() => {
      schemaNames = null;
      return { labels: [], types: [] };
    });
  return schemaNames;
}

let fieldCounter = 0;

/** A labelled text field; `options` become a datalist (existing names offered first). */
function field(
  label: string,
  attrs: Record<string, string> = {},
  options?: Promise<string[]>,
): { element: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement } {
  const id = `cite-field-${++fieldCounter}`;
  const rest = { ...attrs };
  delete rest['multiline'];
  const input =
    attrs['multiline'] === 'true'
      ? h('textarea', { id, rows: 3, ...rest })
      : h('input', { id, type: 'text', autocomplete: 'off', ...rest });
  // A textarea's text is its value, not an attribute: set it, or the prefill is lost.
  if (attrs['value'] !== undefined) input.value = attrs['value'];
  const element = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  if (options && input instanceof HTMLInputElement) {
    const list = h('datalist', { id: `${id}-list` });
    input.setAttribute('list', list.id);
    element.append(list);
    void options.then((o) => list.replaceChildren(...o.map((v) => h('option', { value: v }))));
  }
  return { element, input };
}

function required(value: string, what: string): string {
  const v = value.trim();
  if (!v) throw new Error(`Fill in ${what}.`);
  return v;
}

function picked(p: PickedNode | null, what: string): PickedNode {
  if (!p) throw new Error(`Choose ${what} from the list (type a name, then pick it).`);
  return p;
}

/** An entity: an existing one (search-as-you-type), or a new one with label and name. */
function entityForm(seed: FormSeed): CiteForm {
  const existing = nodePicker('Existing entity', { testId: 'cite-existing' });
  const label = field(
    'Label',
    { value: seed.suggest?.label ?? 'Person', 'data-testid': 'cite-label' },
    names().then((n) => n.labels),
  );
  const name = field('Name', { value: seed.suggest?.name ?? '', 'data-testid': 'cite-name' });
  const mode = h(
    'fieldset',
    { class: 'cite-mode' },
    h('legend', {}, 'Which entity'),
    h(
      'label',
      {},
      h('input', { type: 'radio', name: 'entity-mode', value: 'new', checked: true }),
      ' A new one',
    ),
    h(
      'label',
      {},
      h('input', { type: 'radio', name: 'entity-mode', value: 'existing' }),
      ' One already in the graph',
    ),
  );
  const newBox = h('div', {}, label.element, name.element);
  const oldBox = h('div', { hidden: true }, existing.element);
  const isNew = (): boolean =>
    (mode.querySelector('input:checked') as HTMLInputElement | null)?.value !== 'existing';
  mode.addEventListener('change', () => {
    newBox.hidden = !isNew();
    oldBox.hidden = isNew();
  });
  return {
    element: h('div', {}, mode, newBox, oldBox),
    save: (c) =>
      isNew()
        ? api.addEntity({
            label: required(label.input.value, 'the label'),
            name: required(name.input.value, 'the name'),
            citations: [c],
          })
        : api.addCitations(picked(existing.value(), 'the entity').id, [c]),
  };
}

/** A relationship: from, type (existing types first), to, and a button that swaps direction. */
function relationshipForm(seed: FormSeed): CiteForm {
  const from = nodePicker('From', { testId: 'cite-from', initial: seed.selected });
  const to = nodePicker('To', { testId: 'cite-to' });
  const type = field(
    'Type',
    { placeholder: 'e.g. WORKS_FOR', 'data-testid': 'cite-type' },
    names().then((n) => n.types),
  );
  const swap = h(
    'button',
    {
      type: 'button',
      title: 'Swap the direction: From becomes To',
      onclick: () => {
        const a = from.value();
        from.set(to.value());
        to.set(a);
      },
    },
    '⇅ Swap direction',
  );
  return {
    element: h('div', {}, from.element, type.element, to.element, swap),
    save: (c) =>
      api.addRelationship({
        from: picked(from.value(), 'where it starts (From)').id,
        type: required(type.input.value, 'the type'),
        to: picked(to.value(), 'where it ends (To)').id,
        citations: [c],
      }),
  };
}

/** A property value of an existing node. */
function propertyForm(seed: FormSeed): CiteForm {
  const target = nodePicker('Of', { testId: 'cite-of', initial: seed.selected });
  const key = field('Property', { placeholder: 'e.g. role', 'data-testid': 'cite-key' });
  const value = field('Value', { value: seed.quote, 'data-testid': 'cite-value' });
  return {
    element: h('div', {}, target.element, key.element, value.element),
    save: (c) =>
      api.setProperty(
        picked(target.value(), 'the element').id,
        required(key.input.value, 'the property'),
        required(value.input.value, 'the value'),
        [c],
      ),
  };
}

/** A claim: a caption, the statement (the quote to start with), what it is about. */
function claimForm(seed: FormSeed): CiteForm {
  const name = field('Caption', { 'data-testid': 'cite-claim-name' });
  const statement = field('Statement', { value: seed.quote, multiline: 'true' });
  const about = nodePicker('About (optional)', { initial: seed.selected });
  return {
    element: h('div', {}, name.element, statement.element, about.element),
    save: (c) =>
      api.addClaim({
        name: required(name.input.value, 'the caption'),
        statement: required(statement.input.value, 'the statement'),
        about: about.value() ? [about.value()!.id] : [],
        citations: [c],
      }),
  };
}

/** One side of a disagreement: a new account claim that disputes an existing claim. */
function disagreementForm(seed: FormSeed): CiteForm {
  const other = nodePicker('Disputes the claim', { labels: ['Claim'], testId: 'cite-other' });
  const name = field('This account’s caption', {});
  const value = field('The value it gives', { placeholder: 'e.g. fired: 3' });
  const question = field('The question they answer differently', {});
  return {
    element: h('div', {}, other.element, name.element, value.element, question.element),
    save: async (c) => {
      const disputed = picked(other.value(), 'the claim it disputes');
      const claim = await api.addClaim({
        name: required(name.input.value, 'the caption'),
        statement: seed.quote,
        kind: 'account',
        value: value.input.value.trim() || null,
        citations: [c],
      });
      const q = required(question.input.value, 'the question');
      return api.addDisagreement(q, q, [claim.element.elementId, disputed.id], [c]);
    },
  };
}

/** The form for a kind. */
export function citeForm(kind: CiteKind, seed: FormSeed): CiteForm {
  switch (kind) {
    case 'entity':
      return entityForm(seed);
    case 'relationship':
      return relationshipForm(seed);
    case 'property':
      return propertyForm(seed);
    case 'claim':
      return claimForm(seed);
    case 'disagreement':
      return disagreementForm(seed);
  }
}
