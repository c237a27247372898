import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/**
 * The lines of a gzip'd text file, streamed, with their 1-based numbers. A damaged or truncated
 * gzip stream (bad CRC, unexpected end) throws rather than ending early, so a cut-off backup is
 * never taken for a complete one.
 */
export async function* readGzipLines(file: string): AsyncGenerator<[line: number, text: string]> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let newline = rest.indexOf('\n');
      let from = 0;
      while (newline !== -1) {
        line++;
        yield [line, rest.slice(from, newline)];
        from = newline + 1;
        newline = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
    }
    rest += decoder.end();
    if (rest.length > 0) yield [line + 1, rest];
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}
