/**
 * A Table as a message between threads (worker_threads, Web Workers), and back. The typed arrays
 * move without a copy (their buffers go in the transfer list); a text column's dictionary goes
 * as one string and the end offset of each entry, since structured-cloning a million small
 * strings one by one costs more than reading them did. Browser-safe.
 */
import type { Column, ColumnType, RowOrigin, Table } from './table';

export interface TransferNumericColumn {
  readonly name: string;
  readonly type: Exclude<ColumnType, 'text'>;
  readonly values: Float64Array;
  readonly nulls?: Uint8Array;
}

export interface TransferTextColumn {
  readonly name: string;
  readonly type: 'text';
  /** The dictionary's strings back to back; entry k is text[ends[k − 1] ?? 0, ends[k]) in UTF-16 units. */
  readonly text: string;
  readonly ends: Int32Array;
  readonly codes: Int32Array;
}

export interface TransferTable {
  readonly rowCount: number;
  readonly columns: readonly (TransferNumericColumn | TransferTextColumn)[];
  readonly origin: RowOrigin;
}

/** The message and the buffers to transfer with it. The table's arrays are unusable afterwards. */
export function tableToTransfer(table: Table): { message: TransferTable; transfer: ArrayBuffer[] } {
  const buffers = new Set<ArrayBuffer>();
  const own = (a: ArrayBufferView | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  const columns = table.columns.map((c): TransferNumericColumn | TransferTextColumn => {
    if (c.type !== 'text') {
      own(c.values);
      own(c.nulls);
      return c.nulls ? { name: c.name, type: c.type, values: c.values, nulls: c.nulls } : { name: c.name, type: c.type, values: c.values };
    }
    const ends = new Int32Array(c.dictionary.length);
    let at = 0;
    for (let k = 0; k < ends.length; k++) ends[k] = at += c.dictionary[k].length;
    own(ends);
    own(c.codes);
    return { name: c.name, type: 'text', text: c.dictionary.join(''), ends, codes: c.codes };
  });
  own(table.origin.rowNumbers);
  own(table.origin.datasets?.index);
  return { message: { rowCount: table.rowCount, columns, origin: table.origin }, transfer: [...buffers] };
}

export function tableFromTransfer(message: TransferTable): Table {
  const columns = message.columns.map((c): Column => {
    if (c.type !== 'text') return c.nulls ? { name: c.name, type: c.type, values: c.values, nulls: c.nulls } : { name: c.name, type: c.type, values: c.values };
    const dictionary = new Array<string>(c.ends.length);
    let at = 0;
    for (let k = 0; k < dictionary.length; k++) {
      const end = c.ends[k];
      dictionary[k] = c.text.slice(at, end);
      at = end;
    }
    return { name: c.name, type: 'text', dictionary, codes: c.codes };
  });
  return { rowCount: message.rowCount, columns, origin: message.origin };
}
