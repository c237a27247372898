/**
 * Writes the article texts into cypher/seed.cypher.
 *
 * Each Article node's `text` must equal its source file byte for byte, and hand-escaping 6 KB of
 * prose into Cypher string literals is where typos hide. So the block between the BEGIN and END
 * markers below is generated from cypher/sources/ and must not be edited by hand:
 *
 *   npx tsx scripts/generate-seed-articles.ts          rewrites the block
 *   npx tsx scripts/generate-seed-articles.ts --check  exits 1 if the block is out of date
 *
 * test/unit/story-seed.test.ts runs the same check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedPath = join(root, 'cypher', 'seed.cypher');
export const sourcesDir = join(root, 'cypher', 'sources');

/** The two source articles: graph id → file name (in cypher/sources/ and ../shared/seeds/). */
export const articleFiles = {
  'article-000': '000_50115b27b06a1ed5.txt',
  'article-004': '004_8d78965bdf79bfc3.txt',
} as const;

export type ArticleId = keyof typeof articleFiles;
export const articleIds = Object.keys(articleFiles) as ArticleId[];

export const BEGIN = '// BEGIN GENERATED: article texts';
export const END = '// END GENERATED: article texts';

export function readArticle(id: ArticleId): string {
  return readFileSync(join(sourcesDir, articleFiles[id]), 'utf8');
}

/** A single-quoted Cypher string literal whose value is exactly `s`. */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + "'";
}

/**
 * Reads the Cypher string literal starting at `text[start]` (a ' or "). Returns its value and the
 * index just after the closing quote. Handles the escapes Cypher defines.
 */
export function parseCypherString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') throw new Error(`No string literal at offset ${start}`);
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\') {
      const e = text[i + 1];
      const simple: Record<string, string> = {
        '\\': '\\',
        "'": "'",
        '"': '"',
        n: '\n',
        r: '\r',
        t: '\t',
        b: '\b',
        f: '\f',
      };
      if (e !== undefined && e in simple) {
        value += simple[e];
        i += 2;
      } else if (e === 'u' || e === 'U') {
        const digits = e === 'u' ? 4 : 8;
        value += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + digits), 16));
        i += 2 + digits;
      } else {
        throw new Error(`Unknown escape \\${e ?? ''} at offset ${i}`);
      }
    } else {
      value += ch;
      i++;
    }
  }
  throw new Error(`Unterminated string literal at offset ${start}`);
}

/** The generated block, markers included. */
export function articlesBlock(): string {
  const lines = [
    `${BEGIN} (from cypher/sources/ by scripts/generate-seed-articles.ts; do not edit by hand)`,
  ];
  for (const id of articleIds) {
    lines.push(
      `MERGE (a:Article {id: ${cypherString(id)}})`,
      `SET a.file = ${cypherString(articleFiles[id])}, a.text = ${cypherString(readArticle(id))};`,
    );
  }
  lines.push(END);
  return lines.join('\n');
}

/** The seed with its generated block replaced by the current one. */
export function withCurrentBlock(seed: string): string {
  const begin = seed.indexOf(BEGIN);
  const endMarker = seed.indexOf(END);
  if (begin === -1 || endMarker === -1 || endMarker < begin) {
    throw new Error(`${seedPath} must contain the lines "${BEGIN}" … "${END}"`);
  }
  return seed.slice(0, begin) + articlesBlock() + seed.slice(endMarker + END.length);
}

function main(args: string[]): number {
  const seed = readFileSync(seedPath, 'utf8');
  const next = withCurrentBlock(seed);
  if (args.includes('--check')) {
    if (next !== seed) {
      console.error(
        'cypher/seed.cypher is out of date: run npx tsx scripts/generate-seed-articles.ts',
      );
      return 1;
    }
    console.log('cypher/seed.cypher: article texts are up to date.');
    return 0;
  }
  if (next !== seed) writeFileSync(seedPath, next);
  console.log(next !== seed ? 'Rewrote the article texts in cypher/seed.cypher.' : 'Up to date.');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
