import { request } from '../api/graphql-client.js';
import { MeDocument, type Role } from '../generated/graphql.js';
import type { ExplorerContext } from '../graph/connect.js';
import { mountCases } from '../cases/cases-panel.js';
import { h } from '../ui/dom.js';
import './roles.css';

/** Who is signed in, as the page shows it; null until `me` answered. */
export interface Signed {
  readonly name: string;
  readonly role: Role;
}

let signed: Signed | null = null;

/** The signed-in person (null before `me` answered or when it failed). */
export function signedIn(): Signed | null {
  return signed;
}

/** True when the signed-in person may write (editor or admin). */
export function canEdit(): boolean {
  return signed !== null && signed.role !== 'reader';
}

/**
 * Asks the server who is signed in, shows the name and role in the top bar, and for an editor or
 * admin loads the editing layer (cite dialog, retract, inverse-mutation undo) — lazily, so a
 * reader's page and the first paint do not carry it. `body[data-role]` says which it was.
 */
export async function startRoles(ctx: ExplorerContext, refresh: () => void): Promise<void> {
  try {
    signed = (await request(MeDocument, {})).me;
  } catch {
    signed = null;
  }
  const nav = document.querySelector('header.topbar nav') ?? document.querySelector('header');
  nav?.prepend(
    h(
      'span',
      {
        class: 'signed-in',
        id: 'signed-in',
        'data-testid': 'signed-in',
        title: signed ? `Signed in as ${signed.name} (${signed.role})` : 'Not signed in',
      },
      signed ? `${signed.name} · ${signed.role}` : 'not signed in',
    ),
  );
  document.body.dataset['role'] = signed?.role ?? 'none';
  mountCases(ctx, canEdit());
  if (canEdit()) {
    const { mountEditing } = await import('./mount-editing.js');
    mountEditing(ctx, refresh);
  }
  refresh();
}
