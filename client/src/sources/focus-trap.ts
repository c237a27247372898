const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in order (hidden ones left out). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog (the last control wraps to the first), and gives
 * focus back to what had it before the dialog opened when it closes, so a keyboard user is where
 * they were. Call once per opening, right after showModal(). `forget()` gives up the return (a
 * dialog that hands focus on, as Save source does to the reader it opens).
 */
export function trapFocus(
  dialog: HTMLDialogElement,
  opener: Element | null,
): { forget: () => void } {
  let back = opener;
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab') return;
    const list = focusables(dialog);
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !dialog.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };
  dialog.addEventListener('keydown', onKey);
  dialog.addEventListener(
    'close',
    () => {
      dialog.removeEventListener('keydown', onKey);
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    },
    { once: true },
  );
  return { forget: () => void (back = null) };
}
