import { describe, expect, it } from 'vitest';
import { caseSlugOf } from '../../client/src/cases/case-route.js';
import { noteEdit } from '../../client/src/state/commands/note-edit.js';
import { retractElements } from '../../client/src/state/commands/retract-elements.js';
import { mutationsBetween, type EditStep } from '../../client/src/state/edits.js';
import { Store } from '../../client/src/state/store.js';
import { emptyView, type View } from '../../client/src/state/view.js';
import { checkCaseInput, freeSlug, slugify } from '../../server/writes/cases.js';

const step = (id: string, op: EditStep['op']): EditStep => ({
  id,
  op,
  target: `uid-${id}`,
  caption: id,
});

function picture(): View {
  return {
    ...emptyView(),
    nodes: { a: { x: 0, y: 0 }, b: { x: 1, y: 1 } },
    edges: { r: { source: 'a', target: 'b', type: 'TRACKED' } },
  };
}

describe('edit steps: which mutation undo and redo issue', () => {
  it('undoing an addition retracts it; redoing it restores it', () => {
    const before = picture();
    const after = { ...before, edits: [step('1', 'add')] };
    expect(mutationsBetween(after, before)).toEqual([
      { step: step('1', 'add'), mutation: 'retract' },
    ]);
    expect(mutationsBetween(before, after)).toEqual([
      { step: step('1', 'add'), mutation: 'restore' },
    ]);
  });

  it('undoing a retraction restores; redoing it retracts again', () => {
    const before = { ...picture(), edits: [step('1', 'add')] };
    const after = { ...before, edits: [step('1', 'add'), step('2', 'retract')] };
    expect(mutationsBetween(after, before).map((m) => m.mutation)).toEqual(['restore']);
    expect(mutationsBetween(before, after).map((m) => m.mutation)).toEqual(['retract']);
  });

  it('undoing several steps at once inverts the newest first', () => {
    const from = { ...picture(), edits: [step('1', 'add'), step('2', 'retract')] };
    const to = picture();
    expect(mutationsBetween(from, to).map((m) => `${m.mutation} ${m.step.id}`)).toEqual([
      'restore 2',
      'retract 1',
    ]);
  });

  it('undoing a citation added to an existing fact removes that citation; redoing cites it again', () => {
    const cite = { ...step('1', 'cite'), citation: { source: 's', quote: 'q' } };
    const before = picture();
    const after = { ...before, edits: [cite] };
    expect(mutationsBetween(after, before)).toEqual([{ step: cite, mutation: 'uncite' }]);
    expect(mutationsBetween(before, after)).toEqual([{ step: cite, mutation: 'cite' }]);
  });

  it('views without edits need no mutation', () => {
    expect(mutationsBetween(picture(), { ...picture(), selected: ['a'] })).toEqual([]);
  });
});

describe('the authoring commands in the Store', () => {
  it('noteEdit amends the step that brought the element (one undo takes both back) and selects it', () => {
    const store = new Store(emptyView());
    store.dispatch({ name: 'add', record: true, perform: () => picture() }, undefined);
    store.dispatch(noteEdit, { step: step('1', 'add'), select: 'b' });
    expect(store.view.selected).toEqual(['b']);
    expect(store.view.edits).toEqual([step('1', 'add')]);
    const withEdit = store.view;
    store.undo();
    expect(store.view.nodes).toEqual({});
    expect(mutationsBetween(withEdit, store.view).map((m) => m.mutation)).toEqual(['retract']);
  });

  it('retractElements takes a node and its relationships out of the picture, and undo brings them back', () => {
    const store = new Store(picture());
    store.dispatch(retractElements, { step: step('9', 'retract'), ids: ['a'] });
    expect(Object.keys(store.view.nodes)).toEqual(['b']);
    expect(store.view.edges).toEqual({});
    expect(store.view.edits).toEqual([step('9', 'retract')]);
    store.undo();
    expect(Object.keys(store.view.edges)).toEqual(['r']);
    expect(store.view.edits ?? []).toEqual([]);
  });
});

describe('saved cases: slugs and input', () => {
  it('makes a slug of lower-case ASCII words from any name', () => {
    expect(slugify('Forbes surveillance — “Project Raven”')).toBe(
      'forbes-surveillance-project-raven',
    );
    expect(slugify('Émilie & Zoë: 2022!')).toBe('emilie-zoe-2022');
    expect(slugify('···')).toBe('case');
    expect(slugify('x'.repeat(300)).length).toBeLessThanOrEqual(76);
  });

  it('takes the first free slug', () => {
    expect(freeSlug('leads', new Set())).toBe('leads');
    expect(freeSlug('leads', new Set(['leads', 'leads-2']))).toBe('leads-3');
  });

  it('refuses an empty name, a view that is not a link encoding and a malformed slug', () => {
    expect(() => checkCaseInput({ name: ' ', view: 'AAA' })).toThrow(/needs a name/);
    expect(() => checkCaseInput({ name: 'x', view: 'a b' })).toThrow(/encoded view/);
    expect(() => checkCaseInput({ name: 'x', view: 'AAA', slug: '../x' })).toThrow(/slug/);
    expect(checkCaseInput({ name: ' x ', view: 'AA+$-', description: ' ' })).toEqual({
      name: 'x',
      view: 'AA+$-',
      description: null,
      slug: null,
    });
  });

  it('reads a short link /c/<slug> and nothing else', () => {
    expect(caseSlugOf('/c/forbes-tracking')).toBe('forbes-tracking');
    expect(caseSlugOf('/c/forbes-tracking/')).toBe('forbes-tracking');
    expect(caseSlugOf('/')).toBeNull();
    expect(caseSlugOf('/c/Bad_Slug')).toBeNull();
    expect(caseSlugOf('/c/a/b')).toBeNull();
  });
});
