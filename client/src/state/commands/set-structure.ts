import type { Command } from '../command.js';
import type { CentralityMeasure, StructureStyle } from '../analysis.js';
import type { View } from '../view.js';

/** The View with its structure styling replaced (the same View when nothing changes). */
function withStructure(view: View, next: StructureStyle): View {
  const now = view.analysis.structure;
  if (now.sizeBy === next.sizeBy && now.colourByCommunity === next.colourByCommunity) return view;
  return { ...view, analysis: { ...view.analysis, structure: next } };
}

/** Sizes nodes by a centrality measure, or by their stored degree again (null). An undo step. */
export const setStructureSize: Command<CentralityMeasure | null> = {
  name: 'size by centrality',
  record: true,
  perform: (view, sizeBy) => withStructure(view, { ...view.analysis.structure, sizeBy }),
};

/** Colours nodes by their community on screen, or by their label again. An undo step. */
export const setStructureCommunities: Command<boolean> = {
  name: 'colour by community',
  record: true,
  perform: (view, colourByCommunity) =>
    withStructure(view, { ...view.analysis.structure, colourByCommunity }),
};
