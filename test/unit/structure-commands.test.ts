import { describe, expect, it } from 'vitest';
import { analysisFromJson, analysisToJson } from '../../client/src/state/analysis.js';
import {
  setStructureCommunities,
  setStructureSize,
} from '../../client/src/state/commands/set-structure.js';
import { Store } from '../../client/src/state/store.js';
import { emptyView } from '../../client/src/state/view.js';
import { communityClass, sizeFor } from '../../client/src/structure/structure-style.js';

describe('structure styling commands', () => {
  it('size by a measure and colour by community are undo steps of the View', () => {
    const store = new Store(emptyView());
    store.dispatch(setStructureSize, 'pagerank');
    store.dispatch(setStructureCommunities, true);
    expect(store.view.analysis.structure).toEqual({ sizeBy: 'pagerank', colourByCommunity: true });
    store.undo();
    expect(store.view.analysis.structure).toEqual({ sizeBy: 'pagerank', colourByCommunity: false });
    store.undo();
    expect(store.view.analysis.structure).toEqual({ sizeBy: null, colourByCommunity: false });
  });

  it('setting what is already set changes nothing and records no step', () => {
    const store = new Store(emptyView());
    const before = store.view;
    expect(store.dispatch(setStructureSize, null)).toBe(before);
    expect(store.dispatch(setStructureCommunities, false)).toBe(before);
    expect(store.canUndo).toBe(false);
  });

  it('a link keeps the structure styling', () => {
    const view = setStructureCommunities.perform(
      setStructureSize.perform(emptyView(), 'betweenness'),
      true,
    );
    expect(analysisFromJson(analysisToJson(view.analysis)).structure).toEqual({
      sizeBy: 'betweenness',
      colourByCommunity: true,
    });
  });

  it('sizes grow with the measure, bounded, and the eleventh community shares the grey', () => {
    expect(sizeFor(0, 1)).toBe(18);
    expect(sizeFor(1, 1)).toBe(80);
    expect(sizeFor(0.25, 1)).toBeGreaterThan(18);
    expect(sizeFor(5, 1)).toBe(80);
    expect(communityClass(0)).toBe('st-c0');
    expect(communityClass(9)).toBe('st-c9');
    expect(communityClass(10)).toBe('st-cx');
  });
});
