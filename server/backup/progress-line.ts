import type { BackupProgress } from './export-backup.js';

const number = new Intl.NumberFormat('en-GB');

/** One progress line for stderr, e.g. "export: 10,000/61,521 nodes · 0/105,840 relationships · 8,123/s". */
export function formatBackupProgress(verb: string, p: BackupProgress): string {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  const done = p.nodes + p.relationships;
  const total = p.totalNodes + p.totalRelationships;
  const share = total > 0 ? (done / total) * 100 : 100;
  return `${verb}: ${number.format(p.nodes)}/${number.format(p.totalNodes)} nodes · ${number.format(p.relationships)}/${number.format(p.totalRelationships)} relationships · ${share.toFixed(0)}% · ${number.format(Math.round(done / seconds))}/s`;
}
