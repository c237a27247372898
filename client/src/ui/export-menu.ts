import type * as Exporters from '../export/exporters.js';
import type { ExportKind } from '../export/exporters.js';
import type { Explorer } from '../graph/explorer.js';
import { byId } from './dom.js';
import { errorMessage, toast } from './toast.js';

/**
 * The Export menu: a menu button (Escape closes it, a click elsewhere too) whose items run one
 * export of the visible view each and say what they did.
 */
export function mountExportMenu(explorer: Explorer): void {
  const exportButton = byId('btn-export');
  const menu = byId('export-menu');
  // The exporters (with cytoscape-svg; the HTML export's Cytoscape bundle is a further chunk) load
  // when the menu first opens, not with the first page. Once loaded, an item runs its export in
  // the click itself, as before: a copy is on the clipboard when the click is over.
  let exporters: typeof Exporters | null = null;
  const load = (): Promise<typeof Exporters> =>
    import('../export/exporters.js').then((m) => (exporters = m));
  const setMenu = (open: boolean): void => {
    menu.hidden = !open;
    exportButton.setAttribute('aria-expanded', String(open));
    if (open) {
      if (!exporters) load().catch(() => undefined);
      menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    }
  };
  exportButton.addEventListener('click', () => setMenu(menu.hidden));
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    setMenu(false);
    exportButton.focus();
  });
  document.addEventListener('mousedown', (e) => {
    if (!menu.hidden && !menu.contains(e.target as Node) && e.target !== exportButton)
      setMenu(false);
  });
  for (const b of menu.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    b.addEventListener('click', () => {
      setMenu(false);
      const run = (m: typeof Exporters): Promise<string> =>
        m.runExport(b.dataset['export'] as ExportKind, explorer);
      (exporters ? run(exporters) : load().then(run)).then(
        (m) => toast(m),
        (e: unknown) => toast(`Export failed: ${errorMessage(e)}`, 'error'),
      );
    });
  }
}
