import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCompiledExecution } from '../../server/graphql/compiled-execution.js';
import { jsonScalar } from '../../server/graphql/resolvers/json-scalar.js';

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    scalar JSON
    input Filter {
      key: String!
      value: JSON
    }
    type Query {
      echo(v: JSON): JSON
      filters(where: [Filter!]): JSON
    }
  `,
  resolvers: {
    JSON: jsonScalar,
    Query: {
      echo: (_: unknown, args: { v: unknown }) => args.v,
      filters: (_: unknown, args: { where: unknown }) => args.where,
    },
  },
});

const yoga = createYoga({ schema, plugins: [useCompiledExecution()], logging: false });

async function run(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await res.json()) as { data: unknown }).data;
}

describe('compiled execution (graphql-jit) and JSON literals', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a variable written inside a JSON literal, on every request', async () => {
    const query = 'query($n: String) { echo(v: {name: $n, k: 1, list: [$n]}) }';
    expect(await run(query, { n: 'Alice' })).toEqual({
      echo: { name: 'Alice', k: 1, list: ['Alice'] },
    });
    expect(await run(query, { n: 'Bob' })).toEqual({ echo: { name: 'Bob', k: 1, list: ['Bob'] } });
  });

  it('still takes variables that are a whole JSON value inside an input object', async () => {
    const query = 'query($v: JSON) { filters(where: [{key: "name", value: $v}]) }';
    expect(await run(query, { v: ['a', 'b'] })).toEqual({
      filters: [{ key: 'name', value: ['a', 'b'] }],
    });
  });

  it('compiles a JSON literal without printing to stderr', async () => {
    const error = vi.spyOn(console, 'error');
    expect(await run('{ echo(v: {deep: [1, {x: "y"}]}) }')).toEqual({
      echo: { deep: [1, { x: 'y' }] },
    });
    expect(error).not.toHaveBeenCalled();
  });
});
