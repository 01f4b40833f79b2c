/**
 * Dragging a column (a grid header) into the formula editor. The grid sets the reference on
 * dragstart; the editor inserts it where it is dropped. Plain text drops work too.
 */

export const COLUMN_MIME = 'application/x-opspilot-column';

/** The drag data for a column reference such as `[Trade Price]`: set each entry on dragstart. */
export function columnDragData(reference: string): Record<string, string> {
  return { [COLUMN_MIME]: reference, 'text/plain': reference };
}

/** Sets the drag data on a dragstart event's DataTransfer. */
export function setColumnDragData({ dataTransfer, reference }: { dataTransfer: DataTransfer; reference: string }): void {
  for (const [type, value] of Object.entries(columnDragData(reference))) dataTransfer.setData(type, value);
  dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries something the editor can take (checked on dragover, when values are hidden). */
export function acceptsDrag(types: readonly string[]): boolean {
  return types.includes(COLUMN_MIME) || types.includes('text/plain');
}

/** The text a drop inserts: the column reference when there is one, else the plain text. */
export function droppedText(dataTransfer: Pick<DataTransfer, 'getData'>): string {
  return dataTransfer.getData(COLUMN_MIME) || dataTransfer.getData('text/plain');
}
