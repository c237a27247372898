import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** What the numbers were measured on: they mean little without it. */
export interface Machine {
  readonly cpuModel: string;
  readonly nproc: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly java: string;
  /** 1-minute load average when the run started: other work on a shared machine shows here. */
  readonly loadAverageAtStart: number;
}

function javaVersion(): string {
  // java -version prints on stderr.
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${run.stderr ?? ''}${run.stdout ?? ''}`.split('\n')[0]?.trim() || 'unknown';
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

export function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    nproc: nproc(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `Linux ${release()}`,
    node: process.version,
    java: javaVersion(),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
