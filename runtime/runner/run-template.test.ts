import { mkdtemp, readdir, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/byte-source';
import { readerRegistry } from '../ingest/registry';
import { createSandboxPool, type SandboxPool } from '../sandbox/node/pool';
import { parseTemplate } from '../template/validate';
import type { Template } from '../template/schema';
import type { RunProgress } from './progress';
import { writeRunOutputs } from './run-outputs';
import { runTemplate } from './run-template';
import { writeAllOrNothing } from './write-outputs';

const csv = (name: string, text: string) => bytesSource({ name, bytes: new TextEncoder().encode(text) });

function template(overrides: Record<string, unknown> = {}): Template {
  const r = parseTemplate({ doc: {
    schemaVersion: 1, name: 't', kind: 'mapping',
    sources: [{ name: 'trades', format: 'csv', columns: [{ name: 'Qty', type: 'number' }, { name: 'Price', type: 'number' }, { name: 'Ccy' }] }],
    mappings: { trades: [{ target: 'Amount', formula: 'ROUND([Qty]*[Price], 2)' }, { target: 'Per unit', formula: '[Price]/[Qty]' }, { target: 'Currency', formula: 'UPPER([Ccy])' }] },
    validations: [{ name: 'Currency valid', formula: 'CCY_VALID([Currency])', message: 'Not an ISO 4217 code.' }],
    ...overrides,
  } });
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.template;
}

describe('runTemplate', () => {
  let pool: SandboxPool;
  beforeAll(() => { pool = createSandboxPool({ size: 1 }); });
  afterAll(async () => { await pool.close(); });
  const run = (t: Template, text: string, extra: Partial<Parameters<typeof runTemplate>[0]> = {}) =>
    runTemplate({ template: t, inputs: { trades: [csv('trades.csv', text)] }, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: '2026-11-20', ...extra });

  it('maps rows, keeps lineage, and turns bad values into findings with file, row and column', async () => {
    const result = await run(template(), 'Qty,Price,Ccy\n10,1.005,usd\n0,2,EUR\n3,4,XYZ\n');
    const mapped = result.sources[0].mapped!;
    expect(mapped.rowCount).toBe(3);
    expect(mapped.origin.rowNumbers).toEqual(new Int32Array([2, 3, 4]));
    expect(result.findings.map((f) => [f.code, f.location.row, f.location.column, f.severity])).toEqual([
      ['formula-error-value', 3, 'Per unit', 'warning'],
      ['validation-failed', 4, 'Currency valid', 'error'],
    ]);
    expect(result.findings[0].message).toMatch(/#DIV\/0!/);
    expect(result.findings.every((f) => f.location.source === 'trades.csv')).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.sources[0].validationFailures).toEqual({ 'Currency valid': 1 });
  });

  it('reports a missing expected column by name, listing the columns the file has', async () => {
    const result = await run(template(), 'Quantity,Price,Ccy\n1,2,USD\n');
    const missing = result.findings.find((f) => f.code === 'column-missing');
    expect(missing?.message).toMatch(/no column `Qty`; its columns are `Quantity`, `Price`, `Ccy`/);
    expect(result.ok).toBe(false);
  });

  it('reports a file it cannot read as a finding and maps nothing', async () => {
    const result = await run(template(), '');
    expect(result.ok).toBe(false);
    expect(result.sources[0].mapped).toBeUndefined();
    expect(result.findings[0].location.source).toBe('trades.csv');
  });

  it('reports a missing input for a source', async () => {
    const result = await runTemplate({ template: template(), inputs: {}, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: '2026-11-20' });
    expect(result.findings[0]).toMatchObject({ code: 'input-missing', message: expect.stringMatching(/--input trades=/) });
  });

  it('uses the business date for TODAY(), so a run replays identically', async () => {
    const t = template({ mappings: { trades: [{ target: 'Today', formula: 'TODAY()' }] }, validations: [] });
    const a = await run(t, 'Qty,Price,Ccy\n1,1,USD\n');
    const col = a.sources[0].mapped!.columns[0];
    expect(col.type).toBe('date');
    expect(col.type !== 'text' && col.values[0]).toBe(46346);
  });

  it('emits progress for each stage and stops when cancelled', async () => {
    const events: RunProgress[] = [];
    await run(template(), 'Qty,Price,Ccy\n1,1,USD\n', { onProgress: (p) => events.push(p) });
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['ingest', 'map', 'validate']));
    expect(events.filter((e) => e.stage === 'map').at(-1)).toMatchObject({ unit: 'rows', done: 1, total: 1 });
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(run(template(), 'Qty,Price,Ccy\n1,1,USD\n', { signal: controller.signal })).rejects.toThrow('cancelled by the user');
  });

  it('stops a runaway formula with the sandbox limits and reports it, without killing the host', async () => {
    const t = template({ mappings: { trades: [{ target: 'Big', formula: 'REPT(REPT("x", 30000), 30000)' }] }, validations: [] });
    const result = await run(t, 'Qty,Price,Ccy\n1,1,USD\n');
    // REPT caps text at Excel's 32,767 characters, so the bomb is an error value, not a crash.
    expect(result.findings[0]).toMatchObject({ code: 'formula-error-value', message: expect.stringMatching(/#VALUE!/) });
    const after = await run(template(), 'Qty,Price,Ccy\n2,3,USD\n');
    expect(after.ok).toBe(true);
  });
});

describe('writing outputs', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-out-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('writes nothing when any file fails', async () => {
    const target = path.join(dir, 'all-or-nothing');
    await mkdir(path.join(target, 'b.csv'), { recursive: true }); // a folder where a file should go: the rename fails
    await expect(writeAllOrNothing({ dir: target, files: [{ name: 'a.csv', bytes: new Uint8Array([1]) }, { name: 'b.csv', bytes: new Uint8Array([2]) }] })).rejects.toThrow();
    expect((await readdir(target)).sort()).toEqual(['b.csv']);
  });

  it('writes the outputs with lineage columns and a summary with hashes', async () => {
    const pool = createSandboxPool({ size: 1 });
    try {
      const t = template();
      const result = await runTemplate({ template: t, inputs: { trades: [csv('in.csv', 'Qty,Price,Ccy\n2,0.1,usd\n')] }, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: '2026-11-20' });
      const files = await writeRunOutputs({ dir: path.join(dir, 'run'), result, template: t, businessDate: '2026-11-20' });
      expect(files.map((f) => path.basename(f))).toEqual(['trades.csv', 'summary.json']);
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(files[0], 'utf8')).toBe('Amount,Per unit,Currency,_source_file,_source_row\r\n0.2,0.05,USD,in.csv,2\r\n');
    } finally {
      await pool.close();
    }
  });
});

describe('runTemplate for recon', () => {
  let pool: SandboxPool;
  beforeAll(() => { pool = createSandboxPool({ size: 1 }); });
  afterAll(async () => { await pool.close(); });

  const recon = (keyFormula: string) => {
    const r = parseTemplate({ doc: {
      schemaVersion: 1, name: 'r', kind: 'recon',
      sources: [{ name: 'left', format: 'csv' }, { name: 'right', format: 'csv' }],
      mappings: { left: [{ target: 'Qty', formula: '[Qty]' }], right: [{ target: 'Qty', formula: '[Quantity]' }] },
      match: { sources: ['left', 'right'], keys: [{ name: 'Id', formulas: { left: keyFormula, right: '[Id]' } }], rules: [{ field: 'Qty', kind: 'exact' }] },
    } });
    if (!r.ok) throw new Error(JSON.stringify(r.findings));
    return r.template;
  };
  const inputs = { left: [csv('l.csv', 'Id,Qty\nA,5\nB,7\nB,9\n')], right: [csv('r.csv', 'Id,Quantity\nB,7\nC,1\n')] };

  it('matches on key formulas and returns breaks with lineage', async () => {
    const result = await runTemplate({ template: recon('UPPER([Id])'), inputs, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: '2026-11-20' });
    expect(result.match?.breaks.map((b) => [b.kind, b.key.Id])).toEqual(expect.arrayContaining([['only-left', 'A'], ['only-right', 'C']]));
    expect(result.match?.breaks.some((b) => b.kind === 'field')).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('reports a bad key formula at its JSON path and compares nothing', async () => {
    const result = await runTemplate({ template: recon('UPPER([Idd])'), inputs, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: '2026-11-20' });
    expect(result.match).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ code: 'formula-unknown-column', location: { path: '$.match.keys[0].formulas.left' } });
    expect(result.ok).toBe(false);
  });
});
