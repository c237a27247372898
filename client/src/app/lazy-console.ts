import type { SchemaOverview } from '../api/graph-api.js';
import type { ConsoleHandle } from '../console/console-panel.js';
import type { ExplorerContext } from '../graph/connect.js';
import type { Theme } from '../style/style-rules.js';
import { errorMessage, toast } from '../ui/toast.js';

/** The console as the page uses it before and after its code has loaded. */
export interface LazyConsole extends Omit<ConsoleHandle, 'focus'> {
  /** Loads the console (the Cypher editor, ~1 MB) if needed, then focuses its editor. */
  open(): Promise<void>;
  readonly loaded: boolean;
}

/**
 * The Cypher console, loaded when first opened: Neo4j's Cypher editor (CodeMirror and an ANTLR
 * parser) is more than half of the explorer's code, and the first graph needs none of it. Until
 * then this keeps what the page tells it — a link's query, the schema for completion — and hands
 * it over when the panel mounts; `query()` answers from the kept text.
 */
export function lazyConsole(root: HTMLElement, ctx: ExplorerContext): LazyConsole {
  let panel: ConsoleHandle | null = null;
  let loading: Promise<ConsoleHandle> | null = null;
  let query = '';
  let schema: SchemaOverview | null = null;

  const load = (): Promise<ConsoleHandle> =>
    (loading ??= import('../console/console-panel.js').then(({ mountConsole }) => {
      const mounted = mountConsole(root, ctx);
      if (query) mounted.setQuery(query);
      if (schema) mounted.setSchema(schema);
      panel = mounted;
      return mounted;
    }));

  return {
    get loaded() {
      return panel !== null;
    },
    open: async () => {
      try {
        (await load()).focus();
      } catch (e) {
        loading = null;
        toast(`Could not open the Cypher console: ${errorMessage(e)}`, 'error');
      }
    },
    query: () => panel?.query() ?? query,
    setQuery: (text) => {
      query = text;
      panel?.setQuery(text);
    },
    setSchema: (s) => {
      schema = s;
      panel?.setSchema(s);
    },
    // A console not yet mounted takes the theme from the View when it mounts.
    retheme: (theme: Theme) => panel?.retheme(theme),
  };
}
