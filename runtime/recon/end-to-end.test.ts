/**
 * The engine on what the rest of the runtime hands it: tables read from real CSV text by the
 * ingest readers, and rules straight from a parsed template document.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/byte-source';
import { ingest } from '../ingest/ingest';
import { parseTemplate } from '../template/validate';
import { reconcile } from './reconcile';

const csv = async (name: string, text: string) => {
  const r = await ingest({ source: bytesSource({ name, bytes: new TextEncoder().encode(text) }) });
  if (!r.table) throw new Error(JSON.stringify(r.findings));
  return r.table;
};

describe('recon end to end', () => {
  it('reconciles two CSV files under a template’s match section', async () => {
    const parsed = parseTemplate({
      doc: {
        schemaVersion: 1,
        name: 'ETD trades',
        kind: 'recon',
        sources: [{ name: 'internal', format: 'csv' }, { name: 'broker', format: 'csv' }],
        match: {
          sources: ['internal', 'broker'],
          keys: [{ name: 'Trade ID', formulas: { internal: '[Trade ID]', broker: '[Ref]' } }, { name: 'Exchange', formulas: { internal: '[Exchange]', broker: '[MIC]' }, aliases: 'MICs' }],
          rules: [
            { field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' },
            { field: 'Qty', kind: 'exact' },
            { field: 'Settle', kind: 'days', value: 1, holidays: 'Holidays' },
          ],
          severityRules: [{ kind: 'field', field: 'Qty', severity: 'error' }, { kind: 'field', severity: 'info' }],
          clusterBy: ['Product'],
        },
        referenceTables: {
          Ticks: { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['ZN', 0.015625]] },
          MICs: { columns: ['Alias', 'MIC'], rows: [['CME', 'XCME'], ['CBOT', 'XCBT']] },
          Holidays: { columns: ['Date'], rows: [['2025-04-18']] },
        },
      },
    });
    expect(parsed.findings).toEqual([]);
    if (!parsed.ok) return;
    const match = parsed.template.match!;
    const internal = await csv('internal.csv', [
      'Trade ID,Exchange,Product,Price,Qty,Settle',
      'T1,XCME,ES,5300.25,10,2025-04-17',
      'T2,XCME,ES,5300.00,5,2025-04-17',
      'T3,XCBT,ZN,110.515625,7,2025-04-17',
      'T4,XCBT,ZN,110.5,3,2025-04-17',
    ].join('\n'));
    const broker = await csv('broker.csv', [
      'Ref,MIC,Product,Price,Qty,Settle',
      'T1,CME,ES,5300.00,10,2025-04-21', // one tick; Thursday → Monday over Good Friday: one business day
      'T2,CME,ES,5300.50,5,2025-04-17', // two ticks: a break
      'T3,CBOT,ZN,110.5,8,2025-04-17', // price within a tick, quantity off
      'T5,CBOT,ZN,110.5,3,2025-04-17',
    ].join('\n'));
    const r = reconcile({
      left: { name: 'internal', table: internal },
      right: { name: 'broker', table: broker },
      keys: match.keys.map((k) => ({ ...k, columns: { internal: k.formulas.internal.slice(1, -1), broker: k.formulas.broker.slice(1, -1) } })),
      rules: match.rules,
      referenceTables: parsed.template.referenceTables,
      duplicates: match.duplicates,
      severityRules: match.severityRules,
      clusterBy: match.clusterBy,
    });
    expect(r.findings).toEqual([]);
    expect(r.summary.matched).toBe(1);
    expect(r.summary.withinTolerance).toBe(1);
    expect(r.breaks.map((b) => [b.kind, b.key['Trade ID'], b.key.Exchange, b.severity])).toEqual([
      ['field', 'T2', 'XCME', 'info'],
      ['field', 'T3', 'XCBT', 'error'],
      ['only-left', 'T4', 'XCBT', 'error'],
      ['only-right', 'T5', 'XCBT', 'error'],
    ]);
    expect(r.breaks[0].fields[0]).toMatchObject({ field: 'Price', left: 5300, right: 5300.5, diff: -0.5, measure: { value: 2, unit: 'ticks' }, rule: 'Price may differ by up to 1 tick (tick size by Product from the Ticks table)' });
    expect(r.breaks[0].lineage).toEqual({ left: [{ datasetId: internal.origin.datasetId, row: 3, index: 1 }], right: [{ datasetId: broker.origin.datasetId, row: 3, index: 1 }] });
    expect(r.breaks[2].suggestions?.[0]).toMatchObject({ key: { 'Trade ID': 'T5' }, reasons: [{ code: 'typo' }] });
  });
});
