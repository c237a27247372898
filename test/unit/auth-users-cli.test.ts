import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccess } from '../../server/auth/access.js';
import { fromRoot } from '../../server/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-users-cli-'));
const usersFile = join(dir, 'users.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run users -- …` (tsx server/cli/users-cli.ts) on a throw-away users file. */
function users(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fromRoot('server', 'cli', 'users-cli.ts'), ...args],
    {
      cwd: fromRoot(),
      env: { PATH: process.env['PATH'] ?? '', DOSSIER_USERS_FILE: usersFile },
      encoding: 'utf8',
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run users', { timeout: 60_000 }, () => {
  it('add prints a working token once and stores only its hash, owner-only', async () => {
    const added = users('add', 'Ana Ruiz', '--role', 'reader');
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim();
    expect(token).toMatch(/^[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toMatch(/shown only this once/);
    const stored = readFileSync(usersFile, 'utf8');
    expect(stored).not.toContain(token.split('.')[1]);
    expect(statSync(usersFile).mode & 0o777).toBe(0o600);
    // As on a server beyond loopback, where a removed person's token must stand for nobody.
    const access = createAccess({ token: undefined, usersFile, loopback: false });
    expect(await access.actorFor(token)).toEqual({ name: 'Ana Ruiz', role: 'reader' });

    const role = users('role', 'Ana Ruiz', 'editor');
    expect(role.code, role.stderr).toBe(0);
    expect(await access.actorFor(token)).toEqual({ name: 'Ana Ruiz', role: 'editor' });
    expect(users('list').stdout).toMatch(/^Ana Ruiz\teditor\tadded /m);

    expect(users('remove', 'Ana Ruiz').code).toBe(0);
    expect(await access.actorFor(token)).toBeUndefined();
  });

  it('refuses reserved names, unknown roles, duplicates and unknown users with a sentence and exit 2', () => {
    expect(users('add', 'admin').stderr).toMatch(/reserved/);
    expect(users('add', 'Bo', '--role', 'owner').stderr).toMatch(
      /--role must be one of reader, editor, admin/,
    );
    expect(users('add', 'Bo').code).toBe(0);
    const again = users('add', 'Bo');
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([
      2,
      expect.stringMatching(/exists already/),
    ]);
    expect(users('remove', 'Nobody').code).toBe(2);
  });
});
