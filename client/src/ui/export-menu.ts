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
  const setMenu = (open: boolean): void => {
    menu.hidden = !open;
    exportButton.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
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
      // The exporters (and cytoscape-svg, Cytoscape's standalone bundle for HTML) load on the
      // first export: the first page does not carry them.
      import('../export/exporters.js')
        .then(({ runExport }) => runExport(b.dataset['export'] as ExportKind, explorer))
        .then(
          (m) => toast(m),
          (e: unknown) => toast(`Export failed: ${errorMessage(e)}`, 'error'),
        );
    });
  }
}
