import type { ChildProcess } from 'node:child_process';

/** POSTs a JSON body and answers the parsed JSON: the one HTTP client every API bench uses. */
export async function postJson(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return res.json();
}

/** The port a spawned bench/api/api-server.ts prints ("READY <port>") once it listens. */
export function readyPort(child: ChildProcess, what: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolvePort(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
  });
}
