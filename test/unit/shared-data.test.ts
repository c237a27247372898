import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sharedData } from '../support/shared-data.js';

const root = mkdtempSync(join(tmpdir(), 'dossier-shared-'));
mkdirSync(join(root, 'datasets', 'present'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const find = (name: string, env: Record<string, string>) =>
  sharedData('The X data set', ['datasets', name], 'Get it from somewhere public.', {
    DOSSIER_SHARED_DIR: root,
    ...env,
  });

describe('sharedData: tests that need data from outside the repository', () => {
  it('finds data that is there, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(find('present', {})).toEqual({ dir: join(root, 'datasets', 'present'), present: true });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('on a bare clone: prints one line naming what is missing, where, and where to get it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(find('absent', {})).toEqual({ dir: join(root, 'datasets', 'absent'), present: false });
    expect(warn.mock.calls).toEqual([
      [
        `SKIPPED: The X data set is not at ${join(root, 'datasets', 'absent')}, so the tests that need it are skipped. Get it from somewhere public.`,
      ],
    ]);
    warn.mockRestore();
  });

  it('in CI (DOSSIER_REQUIRE_SHARED=1) missing data is a failure, not a skip', () => {
    expect(() => find('absent', { DOSSIER_REQUIRE_SHARED: '1' })).toThrow(
      `The X data set is not at ${join(root, 'datasets', 'absent')}, and DOSSIER_REQUIRE_SHARED is set, so missing data fails the tests. Get it from somewhere public.`,
    );
    expect(find('present', { DOSSIER_REQUIRE_SHARED: '1' }).present).toBe(true);
  });
});
