import { describe, expect, it } from 'vitest';
import {
  positionOf,
  splitStatements,
  stripComments,
} from '../../server/cypher/split-statements.js';

describe('splitStatements', () => {
  it('splits on semicolons but not inside strings, names or comments', () => {
    const script = `MATCH (n) RETURN 'a;b' AS s;\n// comment; here\nRETURN \`x;y\` AS z /* ; */;\n\n;`;
    const parts = splitStatements(script);
    expect(parts.map((p) => p.text)).toEqual([
      `MATCH (n) RETURN 'a;b' AS s`,
      '// comment; here\nRETURN `x;y` AS z /* ; */',
    ]);
  });

  it('reports where each statement starts', () => {
    const parts = splitStatements('RETURN 1;\n  RETURN 2');
    expect(parts[1]).toMatchObject({ line: 2, column: 3 });
  });

  it('counts lines and columns right across many statements', () => {
    const script = Array.from({ length: 50 }, (_, i) => `${' '.repeat(i % 4)}RETURN ${i}\n`).join(
      ';\n',
    );
    const parts = splitStatements(script);
    expect(parts).toHaveLength(50);
    expect(parts[7]).toMatchObject({ line: 15, column: 4 });
    for (const p of parts) expect(p).toMatchObject(positionOf(script, p.offset));
  });

  it('handles escaped quotes in strings', () => {
    expect(splitStatements(`RETURN 'it\\'s; fine'; RETURN 2`)).toHaveLength(2);
  });

  it('strips comments but keeps strings and positions', () => {
    expect(stripComments(`RETURN '//x' // c\n/* a\nb */ 1`)).toBe(
      `RETURN '//x'     \n    \n     1`,
    );
  });
});
