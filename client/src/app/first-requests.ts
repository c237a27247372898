import { prefetch } from '../api/graphql-client.js';
import { CentralSubgraphDocument, MeDocument } from '../generated/graphql.js';

/** How many central entities the first screen shows. */
export const FIRST_SCREEN_NODES = 30;

/**
 * Whether this address opens on the first screen: not a link's view (`#view=…`) and not a saved
 * case (`/c/<slug>`), which main.ts opens instead.
 */
export function opensFirstScreen(url: {
  readonly pathname: string;
  readonly hash: string;
}): boolean {
  return !/(?:^#?|&)view=/.test(url.hash) && !/^\/c\//.test(url.pathname);
}

/**
 * Sends the requests the first page will make (who is signed in, the schema overview, the first
 * screen) before the explorer's code has downloaded, so the server answers while the browser
 * loads it; the same requests made later by that code take these answers.
 */
export function sendFirstRequests(url: { readonly pathname: string; readonly hash: string }): void {
  prefetch(MeDocument, {});
  if (opensFirstScreen(url)) prefetch(CentralSubgraphDocument, { first: FIRST_SCREEN_NODES });
}
