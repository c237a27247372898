import type { Command } from '../command.js';

/**
 * Sizes nodes and widens relationships by their number of independent sources (on), or sizes
 * nodes by degree again (off). An undo step; the same View when nothing changes.
 */
export const setEvidenceSizing: Command<boolean> = {
  name: 'size by sources',
  record: true,
  perform: (view, sizeBySources) =>
    view.analysis.evidence.sizeBySources === sizeBySources
      ? view
      : {
          ...view,
          analysis: {
            ...view.analysis,
            evidence: { ...view.analysis.evidence, sizeBySources },
          },
        },
};
