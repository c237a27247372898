import type { ExplorerContext } from '../graph/connect.js';
import { errorMessage, toast } from '../ui/toast.js';

/**
 * The "Structure" button, and the structure panel behind it, which loads on first use with
 * graphology and the worker (none of it is on the first page). A link or case that sizes or
 * colours by structure loads the same module without opening the panel, so its styling shows.
 */
export function mountStructure(ctx: ExplorerContext): void {
  const button = document.createElement('button');
  button.id = 'btn-structure';
  button.type = 'button';
  button.title = 'Centrality and communities of what is on screen';
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-controls', 'structure-panel');
  button.textContent = 'Structure';
  const nav = document.querySelector('.topbar .actions');
  nav?.insertBefore(button, nav.querySelector('.sep'));

  type PanelModule = typeof import('./structure-panel.js');
  let loading: Promise<PanelModule> | null = null;
  const load = (): Promise<PanelModule> => (loading ??= import('./structure-panel.js'));
  let panel: InstanceType<PanelModule['StructurePanel']> | null = null;

  const setOpen = async (open: boolean): Promise<void> => {
    try {
      const mod = await load();
      if (!panel) {
        panel = new mod.StructurePanel(ctx, () => void setOpen(false));
        document.querySelector('.stage')?.append(panel.root);
      }
      if (open) panel.open();
      else {
        panel.close();
        button.focus();
      }
      button.setAttribute('aria-pressed', String(open));
    } catch (e) {
      toast(`Could not open the structure panel: ${errorMessage(e)}`, 'error');
    }
  };
  button.addEventListener(
    'click',
    () => void setOpen(button.getAttribute('aria-pressed') !== 'true'),
  );

  const styled = (): boolean => {
    const s = ctx.store.view.analysis.structure;
    return s.sizeBy !== null || s.colourByCommunity;
  };
  const unsubscribe = ctx.store.subscribe(() => {
    if (!styled()) return;
    unsubscribe();
    void load().then(
      (mod) => mod.structureController(ctx),
      (e: unknown) => toast(`Could not load structure styling: ${errorMessage(e)}`, 'error'),
    );
  });
}
