import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('config', () => {
  it('applies the documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.database).toBe('neo4j');
    expect(c.localNeo4j.port).toBe(7688);
    expect(c.autoSeed).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads an external Neo4j, including a neo4j:// routing URI for clusters', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'story',
    });
    expect(c.neo4j).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'u',
      password: 'p',
      database: 'story',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });

  it('lists every invalid variable together', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud', AUTO_SEED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NEO4J_URI: must be a neo4j:\/\/ or bolt:\/\//);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/AUTO_SEED/);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
