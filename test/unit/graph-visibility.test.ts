import { describe, expect, it } from 'vitest';
import { oneHopStatement } from '../../server/graph/find-neighbourhood.js';
import { pathsStatement } from '../../server/graph/find-paths.js';
import { userPropertyKeys } from '../../server/graph/schema-overview.js';
import { fulltextStatement, scanStatement } from '../../server/graph/search.js';
import { shownProperties, userProperties, visibilityOf } from '../../server/graph/visibility.js';

const live = (labels: string[], keys: string[]) => ({
  labels: new Set(labels),
  propertyKeys: new Set(keys),
});

describe('what the read API hides by default (retracted facts, Dossier bookkeeping)', () => {
  it('filters nothing, and keeps the statements as they were, while nothing was ever retracted', () => {
    const vis = visibilityOf(live(['Person'], ['name']));
    expect(vis.filters).toBe(false);
    const shape = { types: [], labels: [], direction: 'BOTH' as const, withDegree: true, vis };
    expect(oneHopStatement(shape)).toBe(oneHopStatement({ ...shape, vis: undefined }));
    expect(oneHopStatement(shape)).toContain('COUNT { (f)-[]-() } AS total');
  });

  it('hides retracted nodes and relationships once the key exists, unless includeRetracted', () => {
    const vis = visibilityOf(live(['Person'], ['name', 'dossierRetracted']));
    expect(vis.node('n')).toBe('coalesce(n.dossierRetracted, false) <> true');
    expect(vis.rel('r')).toBe('coalesce(r.dossierRetracted, false) <> true');
    const hop = oneHopStatement({
      types: [],
      labels: [],
      direction: 'BOTH',
      withDegree: true,
      vis,
    });
    expect(hop).toContain('MATCH (f) WHERE elementId(f) = id AND coalesce(f.dossierRetracted');
    expect(hop).toContain('COUNT { (f)-[tr]-(tm) WHERE');
    expect(hop).toContain('COUNT { (m)-[m_dr]-(m_dm) WHERE');
    const all = visibilityOf(live(['Person'], ['dossierRetracted']), { includeRetracted: true });
    expect(all.filters).toBe(false);
  });

  it('hides bookkeeping labels unless the request names them', () => {
    const vis = visibilityOf(live(['Person', 'DossierChange'], ['name']));
    expect(vis.node('n')).toBe('NOT n:`DossierChange`');
    expect(vis.rel('r')).toBe('');
    // Bookkeeping nodes have no relationships: hops and totals keep the degree store.
    expect(vis.end('m')).toBe('');
    const hop = oneHopStatement({
      types: [],
      labels: [],
      direction: 'BOTH',
      withDegree: true,
      vis,
    });
    expect(hop).toContain('COUNT { (f)-[]-() } AS total');
    expect(hop).toContain('MATCH (f) WHERE elementId(f) = id AND NOT f:`DossierChange`');
    expect(
      visibilityOf(live(['DossierChange'], []), { requestedLabels: ['DossierChange'] }).filters,
    ).toBe(false);
    expect(fulltextStatement([], false, vis)).not.toContain('{limit: $first}');
    expect(fulltextStatement([], false, vis)).toContain('WHERE NOT node:`DossierChange`');
    expect(scanStatement([], false, vis)).toContain("WHERE NOT toLower(k) STARTS WITH 'dossier'");
  });

  it('searches shortest paths only through visible elements', () => {
    const vis = visibilityOf(live(['A'], ['dossierRetracted']));
    const cypher = pathsStatement([], 'BOTH', 4, false, vis);
    expect(cypher).toContain('all(pr IN relationships(p) WHERE coalesce(pr.dossierRetracted');
    expect(cypher).toContain('all(pn IN nodes(p) WHERE coalesce(pn.dossierRetracted');
  });

  it('leaves dossier… keys out of shown properties and of the schema’s property keys', () => {
    expect(userProperties({ name: 'x', dossierUid: 'u', dossierVersion: 2 })).toEqual({
      name: 'x',
    });
    expect(shownProperties({ name: 'x', dossierUid: 'u' })).toEqual({ name: 'x' });
    // Nothing to leave out: the answer is the element's own map, not a copy of it.
    const plain = { name: 'x', born: '1970-01-01' };
    expect(shownProperties(plain)).toBe(plain);
    const keys = userPropertyKeys(
      ['name', 'action', 'dossierUid', 'targets'],
      1,
      [
        { i: 0, key: 'name', types: [], present: 1 },
        { i: 1, key: 'action', types: [], present: 1 },
        { i: 1, key: 'targets', types: [], present: 1 },
      ],
      [{ i: 0, key: 'targets', types: [], present: 1 }],
    );
    expect(keys).toEqual(['name', 'targets']);
  });
});
