import { byId } from './dom.js';

let active = 0;

/**
 * Shows the loading pill while `work` runs (nested calls share it) with what is being done.
 * Returns what `work` returns.
 */
export async function busy<T>(what: string, work: () => Promise<T>): Promise<T> {
  const box = byId('loading');
  const text = byId('loading-text');
  active++;
  text.textContent = what;
  box.hidden = false;
  try {
    return await work();
  } finally {
    active--;
    if (active === 0) box.hidden = true;
  }
}
