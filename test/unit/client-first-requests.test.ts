import { afterEach, describe, expect, it, vi } from 'vitest';
import { opensFirstScreen } from '../../client/src/app/first-requests.js';
import { prefetch, request } from '../../client/src/api/graphql-client.js';
import { CentralSubgraphDocument, MeDocument } from '../../client/src/generated/graphql.js';
import { VIEW_PARAM } from '../../client/src/state/url-state.js';

/** A fetch that answers every GraphQL request with `data` and records the bodies it was sent. */
function fakeFetch(data: unknown) {
  const bodies: string[] = [];
  const fn = vi.fn((_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    return Promise.resolve(Response.json({ data }));
  });
  vi.stubGlobal('fetch', fn);
  return bodies;
}

afterEach(() => void vi.unstubAllGlobals());

describe('first requests (sent by the page entry before the explorer has loaded)', () => {
  it('a request with the same document and variables takes the prefetched answer instead of asking again', async () => {
    const bodies = fakeFetch({ me: { name: 'Ed', role: 'editor' } });
    prefetch(MeDocument, {});
    expect(bodies).toHaveLength(1);
    expect((await request(MeDocument, {})).me).toEqual({ name: 'Ed', role: 'editor' });
    expect(bodies).toHaveLength(1);
    // Taken once: the next identical request is a fresh one.
    await request(MeDocument, {});
    expect(bodies).toHaveLength(2);
  });

  it('other variables are another request', async () => {
    const bodies = fakeFetch({ centralSubgraph: { nodes: [], edges: [] } });
    prefetch(CentralSubgraphDocument, { first: 30 });
    await request(CentralSubgraphDocument, { first: 10 });
    expect(bodies.map((b) => (JSON.parse(b) as { variables: unknown }).variables)).toEqual([
      { first: 30 },
      { first: 10 },
    ]);
    await request(CentralSubgraphDocument, { first: 30 });
    expect(bodies).toHaveLength(2);
  });

  it('the first screen is prefetched only where the page opens on it', () => {
    expect(opensFirstScreen({ pathname: '/', hash: '' })).toBe(true);
    expect(opensFirstScreen({ pathname: '/', hash: '#theme=dark' })).toBe(true);
    expect(opensFirstScreen({ pathname: '/', hash: '#view=N4Ig' })).toBe(false);
    expect(opensFirstScreen({ pathname: '/', hash: '#q=1&view=N4Ig' })).toBe(false);
    expect(opensFirstScreen({ pathname: '/', hash: `#${VIEW_PARAM}=N4Ig` })).toBe(false);
    expect(opensFirstScreen({ pathname: '/c/tiktok-leak', hash: '' })).toBe(false);
  });
});
