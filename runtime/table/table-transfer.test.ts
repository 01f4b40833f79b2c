import { describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { cellValue, originOf, type Table } from './table';
import { tableFromTransfer, tableToTransfer } from './table-transfer';

function sample(): Table {
  return {
    rowCount: 4,
    columns: [
      { name: 'Qty', type: 'number', values: Float64Array.from([1.5, 0, -2, NaN]), nulls: Uint8Array.from([0, 1, 0, 0]) },
      { name: 'Day', type: 'date', values: Float64Array.from([46345, 46346, 46347, 46348]) },
      // Empty strings, astral characters and a lone surrogate all survive the one-string form.
      { name: 'Acct', type: 'text', dictionary: ['', 'Zürich 🏦', '\ud800', 'X'], codes: Int32Array.from([1, -1, 0, 3]) },
      { name: 'Flag', type: 'boolean', values: Float64Array.from([1, 0, 1, 0]).subarray(0, 4) },
    ],
    origin: { datasetId: 'a'.repeat(64), rowNumbers: Int32Array.from([2, 3, 5, 6]), datasets: { ids: ['a'.repeat(64), 'b'.repeat(64)], index: Uint16Array.from([0, 0, 1, 1]) } },
  };
}

const cells = (t: Table) => Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellValue(c, r)));

describe('table transfer form', () => {
  it('crosses a thread boundary with types, blanks, text and origins intact, its buffers moved not copied', () => {
    const table = sample();
    const expected = { cells: cells(table), types: table.columns.map((c) => c.type), origins: [0, 1, 2, 3].map((r) => originOf(table, r)) };
    const { message, transfer } = tableToTransfer(table);
    expect(new Set(transfer).size).toBe(transfer.length);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(message, transfer);
    // Transferred: the sender's arrays are detached now.
    expect((table.columns[0] as { values: Float64Array }).values.length).toBe(0);
    const back = tableFromTransfer(receiveMessageOnPort(port2)!.message);
    port1.close();
    expect(cells(back)).toEqual(expected.cells);
    expect(back.columns.map((c) => c.type)).toEqual(expected.types);
    expect([0, 1, 2, 3].map((r) => originOf(back, r))).toEqual(expected.origins);
    expect(back.columns[2]).toMatchObject({ dictionary: ['', 'Zürich 🏦', '\ud800', 'X'] });
  });
});
