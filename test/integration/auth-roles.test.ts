import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser as addUserTo,
  readUsersFile,
  writeUsersFile,
} from '../../server/auth/users-file.js';
import type { Database } from '../../server/db/database.js';
import type { Role } from '../../server/graphql/context.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { startHttpApp, type RunningApp } from '../support/http-app.js';

const ADMIN_TOKEN = 'the-admin-token-of-this-test';

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

async function post(
  base: string,
  token: string | undefined,
  query: string,
  operationName?: string,
): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, operationName }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const ADD_SOURCE = `mutation {
  addSource(input: { text: "The minister resigned on Tuesday.", title: "Resignation" }) { __typename }
}`;

describe('who may write: roles, per-person tokens, the write guard', () => {
  let db: Database;
  let dir: string;
  let usersFile: string;
  let app: RunningApp;
  const tokens: Partial<Record<Role, string>> = {};

  async function addUser(name: string, role: Role): Promise<string> {
    return addUserTo(usersFile, name, role);
  }

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    dir = mkdtempSync(join(tmpdir(), 'dossier-auth-'));
    usersFile = join(dir, 'users.json');
    tokens.reader = await addUser('Rita Reader', 'reader');
    tokens.editor = await addUser('Ed Editor', 'editor');
    app = await startHttpApp(db, { DOSSIER_USERS_FILE: usersFile, DOSSIER_TOKEN: ADMIN_TOKEN });
  });
  afterAll(async () => {
    await app.close();
    await resetDatabase(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with users configured, a request without a valid token gets 401 UNAUTHENTICATED', async () => {
    const none = await post(app.base, undefined, '{ me { name } }');
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = `${(tokens.reader ?? '').slice(0, 13)}${'x'.repeat(43)}`;
    expect((await post(app.base, forged, '{ me { name } }')).status).toBe(401);
    expect((await fetch(`${app.base}/`)).status).toBe(401);
  });

  it('me names the person behind each token and their role; DOSSIER_TOKEN is an admin', async () => {
    expect((await post(app.base, tokens.reader, '{ me { name role } }')).body.data).toEqual({
      me: { name: 'Rita Reader', role: 'reader' },
    });
    expect((await post(app.base, tokens.editor, '{ me { name role } }')).body.data).toEqual({
      me: { name: 'Ed Editor', role: 'editor' },
    });
    expect((await post(app.base, ADMIN_TOKEN, '{ me { name role } }')).body.data).toEqual({
      me: { name: 'admin', role: 'admin' },
    });
  });

  it("a reader's mutation is refused with FORBIDDEN and sends no statement to Neo4j; a reader may read", async () => {
    const sent: string[] = [];
    const off = db.onStatement((cypher) => sent.push(cypher));
    try {
      const refused = await post(app.base, tokens.reader, ADD_SOURCE);
      expect(refused.status).toBe(200);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.body.errors?.[0]?.message).toMatch(/Rita Reader may only read/);
      // Also when the mutation is picked by operationName from a document that has a query too.
      const named = await post(
        app.base,
        tokens.reader,
        `query Q { me { name } } ${ADD_SOURCE.replace('mutation', 'mutation M')}`,
        'M',
      );
      expect(named.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(sent).toEqual([]);
    } finally {
      off();
    }
    const read = await post(app.base, tokens.reader, '{ about { database } }');
    expect(read.body.errors).toBeUndefined();
  });

  it('an editor and the admin pass the guard (their mutation reaches the resolvers)', async () => {
    for (const token of [tokens.editor, ADMIN_TOKEN]) {
      const res = await post(app.base, token, ADD_SOURCE);
      const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes).not.toContain('FORBIDDEN');
      expect(codes).not.toContain('UNAUTHENTICATED');
    }
  });

  it('a browser opens /?token= once with a person token and then works from the HttpOnly cookie', async () => {
    const first = await fetch(`${app.base}/?token=${encodeURIComponent(tokens.editor ?? '')}`, {
      redirect: 'manual',
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const res = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { name role } }' }),
    });
    expect(((await res.json()) as Answer['body']).data).toEqual({
      me: { name: 'Ed Editor', role: 'editor' },
    });
  });

  it('a role change or removal in the users file applies to the next request of a running server', async () => {
    const file = readUsersFile(usersFile);
    const rita = file.users.find((u) => u.name === 'Rita Reader');
    if (rita) rita.role = 'editor';
    writeUsersFile(usersFile, file);
    expect((await post(app.base, tokens.reader, '{ me { role } }')).body.data).toEqual({
      me: { role: 'editor' },
    });
    writeUsersFile(usersFile, { version: 1, users: file.users.filter((u) => u !== rita) });
    expect((await post(app.base, tokens.reader, '{ me { role } }')).status).toBe(401);
  });

  it('the Cypher console stays read-only for everyone, the admin included', async () => {
    for (const token of [ADMIN_TOKEN, tokens.editor]) {
      const res = await post(
        app.base,
        token,
        '{ cypher(query: "CREATE (n:Ghost) RETURN n") { rows } }',
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe('READ_ONLY');
    }
    const [row] = await db.read('MATCH (n:Ghost) RETURN count(n) AS n');
    expect(row?.['n']).toBe(0);
  });
});

describe('on loopback with no users and no token', () => {
  let db: Database;
  let dir: string;
  let app: RunningApp;
  beforeAll(async () => {
    db = connectTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'dossier-auth-'));
    app = await startHttpApp(db, { DOSSIER_USERS_FILE: join(dir, 'users.json') });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('nothing changes for the single user: no login, and they are the local editor', async () => {
    const res = await post(app.base, undefined, '{ me { name role } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ me: { name: 'local', role: 'editor' } });
    const write = await post(app.base, undefined, ADD_SOURCE);
    expect((write.body.errors ?? []).map((e) => e.extensions?.code)).not.toContain('FORBIDDEN');
  });
});
