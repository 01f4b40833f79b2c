/**
 * The live match runner over the real QuickJS sandbox (in-process, behind the same port and
 * protocol as the browser's Web Worker), on the shipped ETD position recon and its samples read
 * by the real CSV reader, against the server's own runner on the same files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../runtime/ingest/byte-source';
import { readerRegistry } from '../../runtime/ingest/registry';
import type { ReconSummary } from '../../runtime/recon/types';
import { runTemplate } from '../../runtime/runner/run-template';
import type { SandboxPool } from '../../runtime/sandbox/node/pool';
import { runProgram } from '../../runtime/sandbox/run-program';
import { createSandbox, type Sandbox } from '../../runtime/sandbox/sandbox';
import type { Table } from '../../runtime/table/table';
import type { Template } from '../../runtime/template/schema';
import type { TemplateDraft } from '../editor/template-draft';
import { createSandboxClient, type PreviewSandbox } from '../preview/sandbox-client';
import { connectInProcess } from '../preview/sandbox-port';
import { isLiveMatch, type LiveMatch } from '../rules/live-match';
import { etdTemplate } from '../rules/testing/etd-fixture';
import { createLiveMatchRunner, type LiveMatchRunner, type LiveMatchState } from './live-match-runner';

const DIR = path.resolve(__dirname, '../../templates/etd-position-recon');
const BUSINESS_DATE = '2026-11-20';
const files = { internal: 'internal-positions.csv', broker: 'broker-positions.csv' };
const bytes = (source: keyof typeof files) => bytesSource({ name: files[source], bytes: readFileSync(path.join(DIR, 'samples', files[source])) });

let sandbox: Sandbox;
let pool: SandboxPool;
const samples: Record<string, Table> = {};
beforeAll(async () => {
  sandbox = await createSandbox();
  // The runner's pool interface over the same sandbox: one thread, the same programs.
  pool = { size: 1, runProgram: (args: Parameters<SandboxPool['runProgram']>[0]) => runProgram({ sandbox, ...args }) } as unknown as SandboxPool;
  for (const source of ['internal', 'broker'] as const) {
    const read = await readerRegistry.byFormat('csv')!.read({ source: bytes(source), options: {} });
    samples[source] = read.table!;
  }
});

const open: { runner: LiveMatchRunner; client: PreviewSandbox }[] = [];
afterEach(() => {
  for (const { runner, client } of open.splice(0)) {
    runner.dispose();
    client.dispose();
  }
});

function setup() {
  const client = createSandboxClient({ connect: connectInProcess({ sandbox }) });
  const runner = createLiveMatchRunner({ sandbox: client, debounceMs: 0 });
  const published: LiveMatchState[] = [];
  runner.subscribe((s) => published.push(s));
  open.push({ runner, client });
  return { runner, client, published };
}

async function live(runner: LiveMatchRunner, template: TemplateDraft, given: Record<string, Table | undefined> = samples): Promise<LiveMatch> {
  runner.update({ template, samples: given, businessDate: BUSINESS_DATE });
  const state = await runner.settled();
  if (!isLiveMatch(state)) throw new Error(`expected figures, got ${JSON.stringify(state)}`);
  return state;
}

async function server(template: Template) {
  const run = await runTemplate({ template, inputs: { internal: [bytes('internal')], broker: [bytes('broker')] }, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate: BUSINESS_DATE });
  if (!run.match) throw new Error(JSON.stringify(run.findings));
  return { summary: run.match.summary as ReconSummary, breaks: run.match.breaks, findings: run.findings };
}

const figures = (l: LiveMatch) => ({ matchRate: l.matchRate, matched: l.matched, perfect: l.perfect, withinTolerance: l.withinTolerance, breaks: l.breaks, byKind: l.byKind });
const serverFigures = (s: ReconSummary) => ({ matchRate: s.matchRate, matched: s.matched, perfect: s.perfect, withinTolerance: s.withinTolerance, breaks: s.breaks, byKind: expect.objectContaining(s.byKind) });
type Match = NonNullable<Template['match']>;
const withRules = (rules: Match['rules'], extra: Partial<Match> = {}, mappings = etdTemplate.mappings): Template =>
  ({ ...etdTemplate, mappings, match: { ...etdTemplate.match!, rules, ...extra } });

describe('the live match runner on the shipped ETD position recon', () => {
  it('gives the server run\'s figures for the same files', async () => {
    const { runner } = setup();
    const got = await live(runner, etdTemplate);
    const run = await server(etdTemplate);
    expect(figures(got)).toEqual(serverFigures(run.summary));
    expect(got.sampleBreaks.map((b) => [b.kind, b.key])).toEqual(run.breaks.map((b) => [b.kind, b.key]));
    // The shipped expected output: one break per data line of breaks.csv.
    const expected = readFileSync(path.join(DIR, 'expected/breaks.csv'), 'utf8').trim().split('\n').slice(1);
    expect(got.breaks).toBe(expected.length);
    expect(got.byKind).toMatchObject({ 'only-left': 1, 'only-right': 1, field: 2 });
    expect(got.byField).toEqual({ Quantity: 1, Price: 0, Cash: 1 });
    expect(got.sources).toEqual([{ name: 'internal', rows: 9 }, { name: 'broker', rows: 9 }]);
    // 6 clean pairs of 18 rows: ES, ZN and FESX within a tick or five cents; NQ, B and FDAX identical.
    expect({ matched: got.matched, perfect: got.perfect, withinTolerance: got.withinTolerance }).toEqual({ matched: 6, perfect: 3, withinTolerance: 3 });
    expect(got.matchRate).toBeCloseTo(12 / 18);
  });

  it('re-runs only the engine when a tolerance rule changes, and agrees with the server again', async () => {
    const { runner, client } = setup();
    await live(runner, etdTemplate);
    const requests = client.stats().requests;
    expect(requests).toBeGreaterThan(0);
    const looser = withRules(etdTemplate.match!.rules.map((r) => (r.field === 'Cash' ? { ...r, value: 20 } : r)));
    const got = await live(runner, looser);
    expect(client.stats().requests).toBe(requests);
    expect(got.breaks).toBe(3);
    expect(got.byField.Cash).toBe(0);
    expect(figures(got)).toEqual(serverFigures((await server(looser)).summary));
  });

  it('re-runs only the changed key program when a key formula changes', async () => {
    const { runner, client } = setup();
    const before = await live(runner, etdTemplate);
    const requests = client.stats().requests;
    const keys = etdTemplate.match!.keys.map((k) => (k.name === 'Account' ? { ...k, formulas: { ...k.formulas, broker: 'UPPER([Account])' } } : k));
    const got = await live(runner, { ...etdTemplate, match: { ...etdTemplate.match!, keys } });
    // One batch: broker's key program; its targets and internal's programs come from the cache.
    expect(client.stats().requests).toBe(requests + 1);
    expect(figures(got)).toEqual(figures(before));
  });

  it('follows a renamed target whose values come from the cache', async () => {
    const { runner } = setup();
    await live(runner, etdTemplate);
    const rename = <M extends { target: string }>(m: M): M => (m.target === 'Cash' ? { ...m, target: 'VM' } : m);
    const mappings = { internal: etdTemplate.mappings.internal.map(rename), broker: etdTemplate.mappings.broker.map(rename) };
    const got = await live(runner, withRules(etdTemplate.match!.rules.map((r) => (r.field === 'Cash' ? { ...r, field: 'VM' } : r)), {}, mappings));
    expect(got.byField).toEqual({ Quantity: 1, Price: 0, VM: 1 });
    expect(got.findings).toEqual([]);
  });

  it('picks rule sets by the book of record\'s rows, as the server does', async () => {
    const { runner } = setup();
    const gold = withRules(etdTemplate.match!.rules, { ruleSets: [{ name: 'Gold', when: '[Product] = "GC"', rules: [{ field: 'Cash', kind: 'abs', value: 20 }] }] });
    const got = await live(runner, gold);
    const run = await server(gold);
    expect(figures(got)).toEqual(serverFigures(run.summary));
    expect(got.byField.Cash).toBe(0);
    expect(got.withinTolerance).toBeGreaterThan(0);
  });

  it('reports a rule-set filter that does not compile as the server does, and matches on the default rules', async () => {
    const { runner } = setup();
    const odd = withRules(etdTemplate.match!.rules, { ruleSets: [{ name: 'Gold', when: '[Prodct] = "GC"', rules: [{ field: 'Cash', kind: 'abs', value: 20 }] }] });
    const got = await live(runner, odd);
    const run = await server(odd);
    expect(got.findings[0]).toMatchObject({ code: 'formula-unknown-column', location: { path: '$.match.ruleSets[0].when' } });
    expect(run.findings).toContainEqual(got.findings[0]);
    expect(got.byField.Cash).toBe(1);
  });
});

describe('the live match runner says why there are no figures', () => {
  it('asks for the missing sample, and shows nothing before any sample or for a mapping template', async () => {
    const { runner, published } = setup();
    runner.update({ template: etdTemplate, samples: { internal: samples.internal }, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toEqual({ error: 'Load a sample for broker to see the match rate.' });
    runner.update({ template: etdTemplate, samples: {}, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toBeUndefined();
    runner.update({ template: { ...etdTemplate, kind: 'mapping', match: undefined }, samples, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toBeUndefined();
    expect(published.every((s) => s === undefined || (typeof s === 'object' && 'error' in s))).toBe(true);
  });

  it('names the key and the problem when a key formula does not compile', async () => {
    const { runner } = setup();
    const keys = etdTemplate.match!.keys.map((k) => (k.name === 'Venue' ? { ...k, formulas: { ...k.formulas, broker: '[Venu]' } } : k));
    runner.update({ template: { ...etdTemplate, match: { ...etdTemplate.match!, keys } }, samples, businessDate: BUSINESS_DATE });
    const state = await runner.settled();
    expect(state).toEqual({ error: expect.stringMatching(/^The key `Venue` for `broker` does not compile: .*`Venu`.*`Venue`.*Fix its formula under Keys\.$/) });
  });

  it('names the target whose formula does not compile, a key without a formula, and a bad business date', async () => {
    const { runner } = setup();
    const mappings = { ...etdTemplate.mappings, internal: etdTemplate.mappings.internal.map((m) => (m.target === 'Price' ? { ...m, formula: 'ROUND([Price]' } : m)) };
    runner.update({ template: { ...etdTemplate, mappings }, samples, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toEqual({ error: expect.stringContaining('The formula for `Price` on `internal` does not compile') });

    const keys = etdTemplate.match!.keys.map((k) => (k.name === 'Product' ? { ...k, formulas: { internal: '[Product]' } } : k));
    runner.update({ template: { ...etdTemplate, match: { ...etdTemplate.match!, keys } }, samples, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toEqual({ error: 'The key `Product` has no formula for `broker`: give it one under Keys.' });

    runner.update({ template: etdTemplate, samples, businessDate: '20/11/2026' });
    expect(await runner.settled()).toEqual({ error: expect.stringContaining('The business date must be YYYY-MM-DD') });
  });

  it('points at a draft that does not parse, but ignores half-typed validations', async () => {
    const { runner } = setup();
    const keys = etdTemplate.match!.keys.map((k) => (k.name === 'Product' ? { ...k, formulas: { ...k.formulas, broker: '  ' } } : k));
    runner.update({ template: { ...etdTemplate, match: { ...etdTemplate.match!, keys } }, samples, businessDate: BUSINESS_DATE });
    expect(await runner.settled()).toEqual({ error: 'A formula is required (at $.match.keys[2].formulas.broker): fix it to see the match rate.' });
    const got = await live(runner, { ...etdTemplate, validations: [{ name: 'Half typed', formula: '', message: '' }] });
    expect(got.breaks).toBe(4);
  });
});

describe('the live match runner\'s scheduling', () => {
  it('drops a superseded run: only the newest draft\'s figures are ever published', async () => {
    // The figures the first draft would give, from a runner of its own.
    const strict = withRules(etdTemplate.match!.rules.map((r) => (r.field === 'Price' ? { field: 'Price', kind: 'exact' as const } : r)));
    const { runner: other } = setup();
    const strictFigures = figures(await live(other, strict));
    const { runner, client, published } = setup();
    runner.update({ template: strict, samples, businessDate: BUSINESS_DATE });
    expect(runner.state).toBe('pending');
    // Wait until the first run is in the sandbox, then supersede it.
    while (client.stats().requests === 0) await new Promise((r) => setTimeout(r, 1));
    runner.update({ template: etdTemplate, samples, businessDate: BUSINESS_DATE });
    const final = await runner.settled();
    if (!isLiveMatch(final)) throw new Error(JSON.stringify(final));
    const shown = published.filter(isLiveMatch);
    expect(shown).toEqual([final]);
    expect(figures(final)).not.toEqual(strictFigures);
    expect(final.byField.Price).toBe(0);
    expect(strictFigures.breaks).toBeGreaterThan(final.breaks);
  });

  it('keeps the figures up while an edit recomputes, and debounces a burst of edits into one run', async () => {
    const client = createSandboxClient({ connect: connectInProcess({ sandbox }) });
    const runner = createLiveMatchRunner({ sandbox: client, debounceMs: 30 });
    open.push({ runner, client });
    const published: LiveMatchState[] = [];
    runner.subscribe((s) => published.push(s));
    await live(runner, etdTemplate);
    const requests = client.stats().requests;
    for (const value of [1, 2, 3, 4]) runner.update({ template: withRules(etdTemplate.match!.rules.map((r) => (r.field === 'Cash' ? { ...r, value } : r))), samples, businessDate: BUSINESS_DATE });
    expect(isLiveMatch(runner.state)).toBe(true);
    const final = await runner.settled();
    expect(client.stats().requests).toBe(requests);
    if (!isLiveMatch(final)) throw new Error(JSON.stringify(final));
    expect(final.byField.Cash).toBe(1);
    expect(published.filter((s) => s === 'pending')).toHaveLength(1);
    expect(published.filter(isLiveMatch)).toHaveLength(2);
  });
});
