/**
 * What the details panel offers an editor, registered by the editing layer (loaded lazily for
 * editors only). Null on a reader's page: the panel then shows no editing control.
 */
export interface DetailsEditing {
  /** Retracts the element (its element id) with a reason; undo restores it. */
  readonly retract: (elementId: string, caption: string, reason: string) => Promise<void>;
  /** Restores a retracted element (its dossierUid or element id). */
  readonly restore: (id: string, caption: string) => Promise<void>;
  /** Cites a passage of a source the element's sources show (the cite dialog). */
  readonly cite: (sourceId: string, quote: string, start: number, end: number) => void;
}

let editing: DetailsEditing | null = null;

export function setDetailsEditing(value: DetailsEditing | null): void {
  editing = value;
}

export function detailsEditing(): DetailsEditing | null {
  return editing;
}
