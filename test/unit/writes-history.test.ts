import { describe, expect, it } from 'vitest';
import { toChangeEntry } from '../../server/writes/history.js';

describe('toChangeEntry', () => {
  it('reads a DossierChange node back: JSON strings become values, missing ones null or empty', () => {
    const entry = toChangeEntry({
      id: 'c1',
      action: 'edit',
      targets: ['u1', 'u2'],
      kind: 'node',
      before: '{"role":"head of audit"}',
      after: '{"role":"auditor"}',
      citations: '[{"source":"article-000","quote":"fired","start":3,"end":8}]',
      version: 4,
      operation: 'setProperty',
      author: 'ana',
      at: '2026-11-29T01:00:00Z',
      seq: 1,
    });
    expect(entry).toEqual({
      id: 'c1',
      action: 'edit',
      targets: ['u1', 'u2'],
      kind: 'node',
      before: { role: 'head of audit' },
      after: { role: 'auditor' },
      citations: [{ source: 'article-000', quote: 'fired', start: 3, end: 8 }],
      reason: null,
      version: 4,
      operation: 'setProperty',
      author: 'ana',
      at: '2026-11-29T01:00:00Z',
      seq: 1,
    });
  });

  it('keeps a creation’s before as null', () => {
    const entry = toChangeEntry({
      id: 'c2',
      action: 'create',
      before: 'null',
      after: '{}',
      citations: '[]',
    });
    expect([entry.before, entry.citations, entry.targets]).toEqual([null, [], []]);
  });
});
