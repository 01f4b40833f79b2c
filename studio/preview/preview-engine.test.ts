/**
 * The preview engine over the real QuickJS sandbox, in-process behind the same port and
 * protocol the browser's Web Worker speaks (sandbox-port.ts).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serialFromYmd } from '../../runtime/formula/library/dates';
import type { NumericColumn } from '../../runtime/table/table';
import { createSandbox, type Sandbox } from '../../runtime/sandbox/sandbox';
import type { TemplateDraft } from '../editor/template-draft';
import { createPreviewEngine, type PreviewEngine } from './preview-engine';
import { previewGrid } from './preview-grid';
import type { PreviewResult, PreviewState, TargetPreview, ValidationPreview } from './preview-types';
import { createSandboxClient, type PreviewSandbox } from './sandbox-client';
import { connectInProcess } from './sandbox-port';
import { tableOf, tradeSample, tradeTemplate } from './testing/trade-sample';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
  // Boot the VM now, so short deadlines below never race a first boot.
  await sandbox.runScriptJson({ source: 'return 1', context: { today: 0, now: 0, tables: {} }, rowsJson: '[{}]' });
});

const open: { engine: PreviewEngine; client: PreviewSandbox }[] = [];
afterEach(() => {
  for (const { engine, client } of open.splice(0)) {
    engine.dispose();
    client.dispose();
  }
});

function setup({ debounceMs = 0, batchSize, timeoutMs, headRows = 0 }: { debounceMs?: number; batchSize?: number; timeoutMs?: number; headRows?: number } = {}) {
  const client = createSandboxClient({ connect: connectInProcess({ sandbox }), batchSize, timeoutMs });
  const engine = createPreviewEngine({ sandbox: client, debounceMs, headRows });
  const results: PreviewResult[] = [];
  engine.subscribe((s: PreviewState) => { if (s.result && results.at(-1) !== s.result) results.push(s.result); });
  open.push({ engine, client });
  return { engine, client, results };
}

const d = (day: number) => serialFromYmd(2026, 1, day);
const small = tableOf({
  columns: [
    { name: 'Side', type: 'text', values: ['B', 'S', '', 'buy', null, 'X'] },
    { name: 'Qty', type: 'number', values: [10, -5, 3, 0, 2, 1] },
    { name: 'Price', type: 'number', values: [1.5, 2, null, 4, 0.1, 3] },
    { name: 'Trade Date', type: 'date', values: [d(2), d(5), d(9), d(30), d(2), d(6)] },
    { name: 'Currency', type: 'text', values: ['EUR', 'USD', 'ABC', 'GBP', null, 'EUR'] },
  ],
});

function template(mappings: Record<string, string>, validations: Record<string, string> = {}): TemplateDraft {
  return {
    schemaVersion: 1, name: 't', kind: 'mapping', sources: [{ name: 'blotter', format: 'csv' }],
    mappings: { blotter: Object.entries(mappings).map(([target, formula]) => ({ target, formula })) },
    validations: Object.entries(validations).map(([name, formula]) => ({ name, formula, message: `${name} fails.` })),
  };
}

const base = { source: 'blotter', businessDate: '2026-01-15', selection: { mode: 'all' } } as const;
const target = (r: PreviewResult | undefined, name: string) => r!.targets.find((t) => t.target === name) as TargetPreview;
const check = (r: PreviewResult | undefined, name: string) => r!.validations.find((v) => v.name === name) as ValidationPreview;
const ok = <T extends { status: string }>(x: T) => x as Extract<T, { status: 'ok' }>;

describe('preview results', () => {
  it('computes targets, their summary strips and validations as a run would', async () => {
    const { engine } = setup();
    engine.update({
      ...base, table: small,
      template: template(
        { Direction: 'IF(LEFT(UPPER([Side]),1)="B","BUY",IF(LEFT(UPPER([Side]),1)="S","SELL",#N/A))', Price: '[Price]', Ratio: '[Qty]/[Price]', Settle: 'WORKDAY([Trade Date], 2)', Age: 'TODAY()-[Trade Date]' },
        { 'Currency is ISO': 'CCY_VALID([Currency])', 'Ratio positive': '[Ratio]>0' },
      ),
    });
    const { result } = await engine.settled();
    expect(Array.from(result!.rows)).toEqual([0, 1, 2, 3, 4, 5]);
    const direction = ok(target(result, 'Direction'));
    expect(direction.text).toEqual(['BUY', 'SELL', '#N/A', 'BUY', '#N/A', '#N/A']);
    expect(direction.summary).toEqual({
      type: 'text', errors: 3, blanks: 0, rows: 6,
      errorRows: [2, 4, 5].map((row) => ({ row, rowNumber: row + 2, code: '#N/A', message: '#N/A: no value available, e.g. a lookup found no match' })),
    });
    expect(ok(target(result, 'Price')).summary).toMatchObject({ type: 'number', blanks: 1, errors: 0 });
    expect(ok(target(result, 'Ratio')).text).toEqual(['6.66666666666667', '-2.5', '#DIV/0!', '0', '20', '0.333333333333333']);
    expect(ok(target(result, 'Ratio')).values[1]).toBe(-2.5);
    expect(ok(target(result, 'Settle')).text).toEqual(['2026-01-06', '2026-01-07', '2026-01-13', '2026-02-03', '2026-01-06', '2026-01-08']);
    expect(ok(target(result, 'Settle')).summary.type).toBe('date');
    expect(ok(target(result, 'Age')).values).toEqual([13, 10, 6, -15, 13, 9]); // TODAY() is the business date
    expect(Array.from(ok(check(result, 'Currency is ISO')).failingRows)).toEqual([2, 4]);
    // One #DIV/0! makes Ratio a text column for validations, as the runner hands it on (sandbox-columns.ts),
    // and text compares greater than any number: every row passes. The parity test below holds the runner to it.
    expect(ok(check(result, 'Ratio positive'))).toMatchObject({ failing: 0 });
  });

  it('shows a formula error with its diagnostic while the other targets preview, and blocks what reads it', async () => {
    const { engine } = setup();
    engine.update({ ...base, table: small, template: template({ Notional: 'ROUND([Qty]*[Prize], 2)', Qty: '[Qty]', Bad: 'ROUND([Qty]' }, { 'Notional set': '[Notional]<>0', 'Qty set': '[Qty]<>0' }) });
    const { result } = await engine.settled();
    const notional = target(result, 'Notional');
    expect(notional.status).toBe('error');
    expect(notional.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-column', start: 12, end: 19, suggestion: '[Price]', message: 'Unknown column `Prize`: did you mean `Price`?' })]);
    expect(target(result, 'Bad')).toMatchObject({ status: 'error', diagnostics: [expect.objectContaining({ severity: 'error' })] });
    expect(ok(target(result, 'Qty')).values).toEqual([10, -5, 3, 0, 2, 1]);
    expect(check(result, 'Notional set')).toMatchObject({ status: 'blocked', blockedBy: ['Notional'] });
    expect(check(result, 'Qty set')).toMatchObject({ status: 'ok', failing: 1 });
  });

  it('keeps "no data yet" apart from an error before a sample is loaded', async () => {
    const { engine } = setup();
    engine.update({ ...base, template: template({ Good: 'UPPER([Side])', Broken: 'UPPER([Side]', Typo: 'UPER([Side])' }) });
    const { result } = await engine.settled();
    expect(result!.rows).toHaveLength(0);
    expect(result!.targets.map((t) => [t.target, t.status])).toEqual([['Good', 'no-data'], ['Broken', 'error'], ['Typo', 'no-data']]);
    // With declared columns the checker runs too, did-you-mean included.
    const declared: TemplateDraft = { ...template({ Typo: 'UPER([Side])' }), sources: [{ name: 'blotter', format: 'csv', columns: [{ name: 'Side', type: 'text' }] }] };
    engine.update({ template: declared });
    const again = (await engine.settled()).result;
    expect(target(again, 'Typo')).toMatchObject({ status: 'error', diagnostics: [expect.objectContaining({ code: 'unknown-function', message: expect.stringContaining('did you mean `UPPER`') })] });
    engine.update({ table: small, template: template({ Good: 'UPPER([Side])' }) });
    expect(ok(target((await engine.settled()).result, 'Good')).text[0]).toBe('B');
  });

  it('stops a runaway formula at the sandbox limit, keeps previewing the rest, and does not rerun it on other edits', async () => {
    const { engine, client } = setup({ timeoutMs: 300 });
    const slow = 'REGEXMATCH(REPT("a", 40) & [Side], "^(a|aa)+$")';
    engine.update({ ...base, table: small, template: template({ Slow: slow, Fine: '[Qty]*2' }) });
    const { result } = await engine.settled();
    expect(target(result, 'Slow')).toMatchObject({ status: 'failed', failure: { kind: 'timeout', message: expect.stringContaining('backtracks') } });
    expect(ok(target(result, 'Fine')).values).toEqual([20, -10, 6, 0, 4, 2]);
    const before = client.stats().requests;
    engine.update({ template: template({ Slow: slow, Fine: '[Qty]*3' }) });
    const again = (await engine.settled()).result;
    expect(client.stats().requests - before).toBe(1);
    expect(target(again, 'Slow').status).toBe('failed');
  });

  it('retries a program whose worker was given up on', async () => {
    let opened = 0;
    const real = connectInProcess({ sandbox });
    // The first worker never answers (its script never loaded); the next is the real sandbox.
    const client = createSandboxClient({ connect: () => (opened++ === 0 ? { post() {}, listen() {}, terminate() {} } : real()), timeoutMs: 100, graceMs: 50, bootGraceMs: 0 });
    const engine = createPreviewEngine({ sandbox: client, debounceMs: 0, headRows: 0 });
    open.push({ engine, client });
    engine.update({ ...base, table: small, template: template({ Qty: '[Qty]' }) });
    const first = (await engine.settled()).result;
    expect(target(first, 'Qty')).toMatchObject({ status: 'failed', failure: { kind: 'timeout', message: 'The preview sandbox did not answer within 150 ms and was restarted.' } });
    engine.update({ template: template({ Qty: '[Qty]' }) });
    expect(ok(target((await engine.settled()).result, 'Qty')).values).toEqual([10, -5, 3, 0, 2, 1]);
  });
});

describe('preview scheduling', () => {
  const edit = (formula: string) => ({ ...tradeTemplate(), mappings: { blotter: tradeTemplate().mappings!.blotter.map((m) => (m.target === 'Notional' ? { ...m, formula } : m)) } });

  it('coalesces rapid edits into one run of the edited formula and what reads it', async () => {
    const { engine, client, results } = setup({ debounceMs: 40 });
    engine.update({ ...base, table: tradeSample(500), template: tradeTemplate() });
    await engine.settled();
    const before = client.stats().requests;
    for (const f of ['R', 'RO', 'ROUND([Qty]*[Price], 3', 'ROUND([Qty]*[Price], 3)']) {
      engine.update({ template: edit(f) });
      await new Promise((r) => setTimeout(r, 5));
    }
    const { result } = await engine.settled();
    expect(results).toHaveLength(2);
    expect(target(result, 'Notional').formula).toBe('ROUND([Qty]*[Price], 3)');
    // Notional and the one validation that reads it; the other targets and validation come from the cache.
    expect(client.stats().requests - before).toBe(2);
    expect(result!.stats).toMatchObject({ programsRun: 2, programsCached: 4 });
  });

  it('runs at once on flush (a paste, a blur) instead of waiting out the debounce', async () => {
    const { engine } = setup({ debounceMs: 10_000 });
    engine.update({ ...base, table: small, template: template({ Qty: '[Qty]+1' }) });
    expect(engine.state.phase).toBe('scheduled');
    const started = performance.now();
    const { result } = await engine.flush();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ok(target(result, 'Qty')).values).toEqual([11, -4, 4, 1, 3, 2]);
  });

  it('skips the sandbox when an edit leaves the program unchanged', async () => {
    const { engine, client } = setup();
    engine.update({ ...base, table: tradeSample(200), template: edit('ROUND([Qty]*[Price], 2)') });
    await engine.settled();
    const before = client.stats().requests;
    engine.update({ template: edit('=round( [qty] * [price] , 2 )') });
    const { result } = await engine.settled();
    expect(client.stats().requests).toBe(before);
    expect(result!.stats.programsRun).toBe(0);
  });

  it('drops a stale run: its unsent batches are never sent and its result never applied', async () => {
    const { engine, client, results } = setup({ batchSize: 100 });
    engine.update({ ...base, table: tradeSample(3_000), template: tradeTemplate() });
    await engine.settled();
    const before = client.stats().requests;
    engine.update({ template: edit('[Qty]*1') });
    // Let the first batch of that run reach the sandbox, then supersede it.
    await new Promise((r) => setTimeout(r, 15));
    expect(engine.state.phase).toBe('running');
    engine.update({ template: edit('[Qty]*2') });
    const { result } = await engine.settled();
    expect(results.map((r) => target(r, 'Notional').formula)).toEqual(['ROUND([Qty]*[Price], 2)', '[Qty]*2']);
    const qty = tradeSample(3_000).columns.find((c) => c.name === 'Qty') as NumericColumn;
    expect(ok(target(result, 'Notional')).values).toEqual(Array.from(qty.values, (v) => v * 2));
    // A full run of the edited target and its validation is 2 × 30 batches; the superseded one stopped early.
    const sent = client.stats().requests - before;
    expect(sent).toBeGreaterThanOrEqual(60);
    expect(sent).toBeLessThan(120);
  });
});

describe('many rows', () => {
  it('publishes the first rows first, then all of them, and reruns nothing once cached', async () => {
    const { engine, client, results } = setup({ headRows: 100 });
    const table = tradeSample(2_000);
    engine.update({ ...base, table, template: tradeTemplate() });
    await engine.settled();
    expect(results.map((r) => [r.complete, r.computedRows, r.rows.length])).toEqual([[false, 100, 2_000], [true, 2_000, 2_000]]);
    const [head, whole] = results;
    expect(ok(target(head, 'Notional')).values).toEqual(ok(target(whole, 'Notional')).values.slice(0, 100));
    expect(ok(target(head, 'Notional')).summary.rows).toBe(100);
    const before = client.stats().requests;
    engine.update({ template: { ...tradeTemplate(), name: 'renamed' } });
    await engine.settled();
    expect(results.slice(2).map((r) => r.complete)).toEqual([true]); // all cached: no partial step
    expect(client.stats().requests).toBe(before);
  });
});

describe('preview grid', () => {
  it('reads sample and preview cells on demand, lights error values and says why a column has none', async () => {
    const { engine } = setup({ headRows: 2 });
    engine.update({ ...base, table: small, template: template({ Ratio: '[Qty]/[Price]', Broken: '[Nope]' }) });
    const grids: ReturnType<typeof previewGrid>[] = [];
    engine.subscribe((s) => { if (s.result) grids.push(previewGrid(s.result)); });
    await engine.settled();
    const [partial, whole] = [grids.find((g) => g.source.rowCount === 6 && g.source.meta!(5, 5)?.title.startsWith('Computing')), grids.at(-1)!];
    expect(whole.columns.map((c) => [c.name, c.role, c.subtitle])).toEqual([
      ['Side', 'source', undefined], ['Qty', 'source', undefined], ['Price', 'source', undefined], ['Trade Date', 'source', undefined], ['Currency', 'source', undefined],
      ['Ratio', 'target', '[Qty]/[Price]'], ['Broken', 'target', '[Nope]'],
    ]);
    expect(whole.columns[0].dragReference).toBe('[Side]');
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => whole.source.cell(2, c))).toEqual(['', '3', '', '2026-01-09', 'ABC', '#DIV/0!', '']);
    expect(whole.source.meta!(2, 5)).toEqual({ tone: 'error', title: '#DIV/0!: division by zero' });
    expect(whole.source.meta!(1, 5)).toBeUndefined();
    expect(whole.source.meta!(0, 6)).toEqual({ tone: 'error', title: 'Unknown column `Nope`' });
    expect(whole.source.rowLabel!(0)).toBe('2'); // line 2 of the file
    expect(whole.targetColumn.get('Ratio')).toBe(5);
    // The partial result first: the first rows computed, the rest saying so.
    expect(partial?.source.cell(0, 5)).toBe('6.66666666666667');
    expect(partial?.source.cell(4, 5)).toBe('');
  });
});

describe('row selection', () => {
  it('previews the first n rows', async () => {
    const { engine } = setup();
    engine.update({ ...base, table: tradeSample(1_000), template: tradeTemplate(), selection: { mode: 'first', n: 25 } });
    const { result } = await engine.settled();
    expect(Array.from(result!.rows)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(ok(target(result, 'Notional')).values).toHaveLength(25);
    expect(result!.table!.rowCount).toBe(25);
  });

  it('previews the rows a validation failed on, and keeps them while they are fixed', async () => {
    const { engine } = setup();
    const table = tradeSample(1_000);
    engine.update({ ...base, table, template: tradeTemplate() });
    const all = ok(check((await engine.settled()).result, 'Currency is ISO'));
    expect(all.failing).toBeGreaterThan(50);
    engine.update({ selection: { mode: 'failing', validation: 'Currency is ISO' } });
    const failing = (await engine.settled()).result!;
    expect(Array.from(failing.rows)).toEqual(Array.from(all.failingRows));
    expect(ok(check(failing, 'Currency is ISO')).failing).toBe(failing.rows.length);
    expect(ok(target(failing, 'Direction')).summary.errorRows[0]?.rowNumber ?? failing.table!.origin.rowNumbers[0]).toBeGreaterThan(1);
    // Fix the check: the same rows stay, now passing.
    const fixed = { ...tradeTemplate(), validations: [{ name: 'Currency is ISO', formula: 'OR(CCY_VALID([Currency]), [Currency]="EURO")', message: 'x' }] };
    engine.update({ template: fixed });
    const after = (await engine.settled()).result!;
    expect(Array.from(after.rows)).toEqual(Array.from(all.failingRows));
    expect(ok(check(after, 'Currency is ISO')).failing).toBe(0);
    engine.update({ selection: { mode: 'failing', validation: 'Nope' } });
    const none = (await engine.settled()).result!;
    expect([none.rows.length, none.selectionProblem]).toEqual([0, 'There is no validation `Nope` on source `blotter`.']);
  });
});
