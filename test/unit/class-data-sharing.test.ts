import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classDataSharing } from '../../server/neo4j/class-data-sharing.js';

describe('class-data sharing archives', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Two checkouts sharing one cache (a symlinked .cache) have different class paths, so different
  // archives in one directory: each start must not delete the other's.
  it("keeps another class path's archive while it is in use and drops one unused for over a week", () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-cds-'));
    const recent = join(dir, 'dossier-cds-0123456789abcdef.jsa');
    const stale = join(dir, 'dossier-cds-fedcba9876543210.jsa');
    writeFileSync(recent, '');
    writeFileSync(stale, '');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    utimesSync(stale, eightDaysAgo, eightDaysAgo);

    const cds = classDataSharing(dir, join(dir, 'neo4j.jar'), ['-Xmx1g']);
    // A JVM that wrote no archive (its log says nothing) settles without keeping one.
    cds.settle();
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(stale)).toBe(false);
  });
});
