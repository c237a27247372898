import type { Command } from '../command.js';
import { EVIDENCE_CATEGORIES, type EvidenceCategory } from '../analysis.js';

/**
 * Hides or shows the facts of one evidence category (a legend toggle: single source, disputed,
 * inferred, unsourced). An undo step; the same View when nothing changes.
 */
export const setEvidenceFilter: Command<{
  readonly category: EvidenceCategory;
  readonly hidden: boolean;
}> = {
  name: 'evidence filter',
  record: true,
  perform: (view, { category, hidden }) => {
    const now = view.analysis.evidence;
    if (now.hidden.includes(category) === hidden) return view;
    const set = new Set(now.hidden);
    if (hidden) set.add(category);
    else set.delete(category);
    // Kept in the categories' own order, so links of the same state read the same.
    const next = EVIDENCE_CATEGORIES.filter((c) => set.has(c));
    return {
      ...view,
      analysis: { ...view.analysis, evidence: { ...now, hidden: next } },
    };
  },
};
