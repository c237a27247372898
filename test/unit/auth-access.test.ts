import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccess, TOKEN_ADMIN } from '../../server/auth/access.js';
import { issueToken, parseToken, verifySecret } from '../../server/auth/tokens.js';
import {
  addUser as addUserTo,
  invalidName,
  readUsersFile,
  writeUsersFile,
} from '../../server/auth/users-file.js';
import { LOCAL_ACTOR, type Actor, type Role } from '../../server/graphql/context.js';
import { useWriteGuard } from '../../server/graphql/write-guard.js';

let dir: string;
let usersFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-auth-'));
  usersFile = join(dir, 'users.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function addUser(name: string, role: Role): Promise<string> {
  return addUserTo(usersFile, name, role);
}

describe('tokens', () => {
  it('verify only the secret they were issued with, and the file holds no secret', async () => {
    const issued = await issueToken();
    const parsed = parseToken(issued.token);
    expect(parsed?.id).toBe(issued.id);
    expect(await verifySecret(parsed?.secret ?? '', issued)).toBe(true);
    const secret = parsed?.secret ?? '';
    const other = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await verifySecret(other, issued)).toBe(false);
    expect(JSON.stringify(issued).split(parsed?.secret ?? '').length).toBe(2); // only in .token
    expect(parseToken('not a token')).toBeUndefined();
  });

  it('refuses reserved and malformed names', () => {
    expect(invalidName('local')).toMatch(/reserved/);
    expect(invalidName('Admin')).toMatch(/reserved/);
    expect(invalidName('')).toMatch(/not a usable name/);
    expect(invalidName('Ana María')).toBeUndefined();
  });
});

describe('access', () => {
  it('on loopback with no users and no token: everyone is the local editor, no login', async () => {
    const access = createAccess({ token: undefined, usersFile, loopback: true });
    expect(access.required()).toBe(false);
    expect(await access.actorFor(undefined)).toEqual(LOCAL_ACTOR);
  });

  it('DOSSIER_TOKEN is an admin; a wrong token is nobody', async () => {
    const access = createAccess({ token: 'x'.repeat(20), usersFile, loopback: true });
    expect(access.required()).toBe(true);
    expect(await access.actorFor('x'.repeat(20))).toEqual(TOKEN_ADMIN);
    expect(await access.actorFor('y'.repeat(20))).toBeUndefined();
    expect(await access.actorFor(undefined)).toBeUndefined();
  });

  it('beyond loopback a token is required even with no users', () => {
    expect(createAccess({ token: undefined, usersFile, loopback: false }).required()).toBe(true);
  });

  it('users added, re-roled and removed in the file apply to the next request', async () => {
    const access = createAccess({ token: undefined, usersFile, loopback: true });
    expect(access.required()).toBe(false);
    const token = await addUser('Ana', 'reader');
    expect(access.required()).toBe(true);
    expect(await access.actorFor(token)).toEqual({ name: 'Ana', role: 'reader' });
    expect(await access.actorFor(undefined)).toBeUndefined();
    // Same id, wrong secret.
    expect(await access.actorFor(`${token.slice(0, 13)}${'A'.repeat(43)}`)).toBeUndefined();

    const file = readUsersFile(usersFile);
    (file.users[0] as { role: Role }).role = 'editor';
    writeUsersFile(usersFile, file);
    expect(await access.actorFor(token)).toEqual({ name: 'Ana', role: 'editor' });

    writeUsersFile(usersFile, { version: 1, users: [] });
    expect(await access.actorFor(token)).toEqual(LOCAL_ACTOR); // no users left on loopback
  });

  it('a malformed users file admits nobody but the DOSSIER_TOKEN holder', async () => {
    const token = await addUser('Ana', 'editor');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(usersFile, '{ broken');
    const errors: Error[] = [];
    const access = createAccess({
      token: 't'.repeat(16),
      usersFile,
      loopback: true,
      onFileError: (e) => errors.push(e),
    });
    expect(access.required()).toBe(true);
    expect(await access.actorFor(token)).toBeUndefined();
    expect(await access.actorFor('t'.repeat(16))).toEqual(TOKEN_ADMIN);
    expect(errors).toHaveLength(1);
  });
});

describe('write guard', () => {
  function app(actor: Actor) {
    let writes = 0;
    const schema = makeExecutableSchema({
      typeDefs: 'type Query { ok: Boolean } type Mutation { write: Boolean }',
      resolvers: { Query: { ok: () => true }, Mutation: { write: () => ++writes > 0 } },
    });
    const yoga = createYoga({ schema, context: () => ({ actor }), plugins: [useWriteGuard()] });
    const run = async (query: string, operationName?: string) =>
      (await (
        await yoga.fetch('http://x/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, operationName }),
        })
      ).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return { run, writes: () => writes };
  }

  it("refuses a reader's mutation with FORBIDDEN before any resolver runs; reads pass", async () => {
    const a = app({ name: 'Ana', role: 'reader' });
    const refused = await a.run('mutation { write }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(a.writes()).toBe(0);
    // The operation chosen by operationName is the one that counts.
    const doc = 'query R { ok } mutation W { write }';
    expect((await a.run(doc, 'W')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await a.run(doc, 'R')).toEqual({ data: { ok: true } });
    expect(a.writes()).toBe(0);
  });

  it('lets editors and admins write', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const a = app({ name: 'x', role });
      expect(await a.run('mutation { write }')).toEqual({ data: { write: true } });
      expect(a.writes()).toBe(1);
    }
  });
});
