/** The console's memory, kept in localStorage so it survives reloads: history and saved queries. */

/** How many past queries are kept (Neo4j Browser keeps 30). */
export const HISTORY_LIMIT = 100;

export interface HistoryEntry {
  readonly query: string;
  readonly params: string;
  /** When it last ran (ms since epoch). */
  readonly at: number;
}

export interface SavedQuery {
  readonly name: string;
  readonly query: string;
  readonly params: string;
}

/** The part of the Storage API the store needs (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const HISTORY_KEY = 'dossier.cypher.history';
const SAVED_KEY = 'dossier.cypher.saved';

export class QueryStore {
  constructor(private readonly store: KeyValueStore) {}

  history(): HistoryEntry[] {
    return this.read<HistoryEntry>(HISTORY_KEY).filter((e) => typeof e.query === 'string');
  }

  /** Records a run: newest first, the same query+params only once, at most HISTORY_LIMIT. */
  remember(query: string, params: string, at = Date.now()): HistoryEntry[] {
    const q = query.trim();
    if (!q) return this.history();
    const next = [
      { query: q, params, at },
      ...this.history().filter((e) => !(e.query === q && e.params === params)),
    ].slice(0, HISTORY_LIMIT);
    this.write(HISTORY_KEY, next);
    return next;
  }

  saved(): SavedQuery[] {
    return this.read<SavedQuery>(SAVED_KEY).filter(
      (s) => typeof s.name === 'string' && typeof s.query === 'string',
    );
  }

  /** Saves under a name, replacing a query of the same name. */
  save(name: string, query: string, params: string): SavedQuery[] {
    const next = [...this.saved().filter((s) => s.name !== name), { name, query, params }].sort(
      (a, b) => a.name.localeCompare(b.name),
    );
    this.write(SAVED_KEY, next);
    return next;
  }

  remove(name: string): SavedQuery[] {
    const next = this.saved().filter((s) => s.name !== name);
    this.write(SAVED_KEY, next);
    return next;
  }

  private read<T>(key: string): T[] {
    try {
      const v: unknown = JSON.parse(this.store.getItem(key) ?? '[]');
      return Array.isArray(v) ? (v as T[]) : [];
    } catch {
      return [];
    }
  }

  private write(key: string, value: unknown): void {
    try {
      this.store.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled (private mode): history is a convenience, the query still ran.
    }
  }
}

/** Example queries offered when nothing is saved yet, so the console is never a blank page. */
export const EXAMPLE_QUERIES: readonly SavedQuery[] = [
  { name: 'Who tracked whom', query: 'MATCH (a)-[r:TRACKED]->(b)\nRETURN a, r, b', params: '' },
  {
    name: 'Disputed facts',
    query:
      'MATCH (n) WHERE n.disputed = true\nOPTIONAL MATCH (n)-[r]-(m)\nRETURN n, r, m LIMIT 100',
    params: '',
  },
  {
    name: 'Disagreements and both accounts',
    query:
      'MATCH (d:Disagreement)-[r:BETWEEN]->(c:Claim)\nRETURN d.name AS disagreement, c.name AS account, c.sources AS sources, d, r, c',
    params: '',
  },
  {
    name: 'Facts cited by an article',
    query:
      'MATCH (n) WHERE $article IN n.sources\nRETURN labels(n)[0] AS label, n.name AS name, n.quotes AS quotes',
    params: '{"article": "article-004"}',
  },
  {
    name: 'Labels and counts',
    query: 'MATCH (n) RETURN labels(n) AS labels, count(*) AS nodes ORDER BY nodes DESC',
    params: '',
  },
];
