import { describe, expect, it } from 'vitest';
import { layoutOptions } from '../../client/src/graph/layouts.js';
import { LAYOUT_NAMES } from '../../client/src/state/view.js';

describe('layout options', () => {
  it('animates a re-layout of a small picture, but not one laid out from nothing (the first graph waits for it)', () => {
    for (const name of LAYOUT_NAMES) {
      expect((layoutOptions(name, 30) as { animate?: unknown }).animate, name).toBe(true);
      expect((layoutOptions(name, 30, [], true) as { animate?: unknown }).animate, name).toBe(
        false,
      );
    }
  });

  it('never animates a large picture', () => {
    expect((layoutOptions('fcose', 5000) as { animate?: unknown }).animate).toBe(false);
  });
});
