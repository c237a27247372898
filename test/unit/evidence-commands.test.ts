import { describe, expect, it } from 'vitest';
import {
  analysisFromJson,
  analysisToJson,
  type EvidenceCategory,
} from '../../client/src/state/analysis.js';
import { setEvidenceFilter } from '../../client/src/state/commands/set-evidence-filter.js';
import { setEvidenceSizing } from '../../client/src/state/commands/set-evidence-sizing.js';
import { Store } from '../../client/src/state/store.js';
import { emptyView } from '../../client/src/state/view.js';

describe('evidence commands', () => {
  it('hide and show a category as undo steps, in the categories’ own order', () => {
    const store = new Store(emptyView());
    const toggle = (category: EvidenceCategory, hidden: boolean) =>
      store.dispatch(setEvidenceFilter, { category, hidden });
    toggle('disputed', true);
    toggle('single-source', true);
    expect(store.view.analysis.evidence.hidden).toEqual(['single-source', 'disputed']);
    toggle('disputed', false);
    expect(store.view.analysis.evidence.hidden).toEqual(['single-source']);
    store.undo();
    expect(store.view.analysis.evidence.hidden).toEqual(['single-source', 'disputed']);
    store.undo();
    store.undo();
    expect(store.view.analysis.evidence.hidden).toEqual([]);
  });

  it('return the same View when nothing changes (no undo step)', () => {
    const view = emptyView();
    expect(setEvidenceFilter.perform(view, { category: 'inferred', hidden: false })).toBe(view);
    expect(setEvidenceSizing.perform(view, false)).toBe(view);
  });

  it('size by sources on and off, kept by links', () => {
    const on = setEvidenceSizing.perform(emptyView(), true);
    expect(on.analysis.evidence.sizeBySources).toBe(true);
    const hidden = setEvidenceFilter.perform(on, { category: 'unsourced', hidden: true });
    const back = analysisFromJson(JSON.parse(JSON.stringify(analysisToJson(hidden.analysis))));
    expect(back.evidence).toEqual({ hidden: ['unsourced'], sizeBySources: true });
    expect(setEvidenceSizing.perform(on, false).analysis.evidence.sizeBySources).toBe(false);
  });
});
