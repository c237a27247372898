/** How the global setup tells tests where Neo4j is. */
export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Where it came from; some fault tests only make sense on the local Neo4j. */
  kind: 'external' | 'container' | 'local';
  pid?: number;
  dataDir?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}
