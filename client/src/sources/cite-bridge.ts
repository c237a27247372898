/**
 * The reader's way into the cite dialog (engineer F's authoring layer, loaded lazily for editors
 * only): whether editing is available on this page, and opening the dialog on a passage.
 */
export interface ReaderCiteRequest {
  readonly sourceId: string;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly suggest?: { readonly kind: 'entity'; readonly name: string; readonly label?: string };
}

/** True when the signed-in person may edit (the authoring layer registered the explorer). */
export async function editingAvailable(): Promise<boolean> {
  try {
    const { authoringContext } = await import('../authoring/authoring-context.js');
    authoringContext();
    return true;
  } catch {
    return false;
  }
}

/** Opens "Cite…" on a passage; resolves with whether a fact was saved. */
export async function citeInReader(req: ReaderCiteRequest): Promise<boolean> {
  const { openCiteDialog } = await import('../authoring/cite-dialog.js');
  return openCiteDialog(req);
}
