/**
 * The preview computes what a run will: the runner's own mapSource and the preview engine over
 * the same sample, template and business date, on the same real QuickJS sandbox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mapSource } from '../../runtime/runner/map-source';
import { runProgram } from '../../runtime/sandbox/run-program';
import type { SandboxPool } from '../../runtime/sandbox/node/pool';
import { createSandbox, type Sandbox } from '../../runtime/sandbox/sandbox';
import { columnFromOutput } from '../../runtime/table/sandbox-columns';
import type { Table } from '../../runtime/table/table';
import { runContextFor } from '../../runtime/template/run-context';
import { parseTemplate } from '../../runtime/template/validate';
import type { TemplateDraft } from '../editor/template-draft';
import { createPreviewEngine } from './preview-engine';
import { createSandboxClient } from './sandbox-client';
import { connectInProcess } from './sandbox-port';
import { tradeSample, tradeTemplate } from './testing/trade-sample';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});

async function both(draft: TemplateDraft, table: Table) {
  const parsed = parseTemplate({ doc: draft });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  // The runner's pool interface over the same sandbox: one thread, the same batches.
  const pool = { size: 1, runProgram: (args: Parameters<SandboxPool['runProgram']>[0]) => runProgram({ sandbox, ...args }) } as unknown as SandboxPool;
  const context = runContextFor({ businessDate: '2026-03-31', referenceTables: parsed.template.referenceTables });
  const run = await mapSource({ template: parsed.template, source: 'blotter', table, fileNames: new Map(), pool, context });
  const client = createSandboxClient({ connect: connectInProcess({ sandbox }), batchSize: 1_000 });
  const engine = createPreviewEngine({ sandbox: client, debounceMs: 0 });
  engine.update({ template: draft, source: 'blotter', table, selection: { mode: 'all' }, businessDate: '2026-03-31' });
  const { result } = await engine.settled();
  engine.dispose();
  client.dispose();
  return { run, preview: result! };
}

describe('preview and run agree', () => {
  it('on every target value and every validation count', async () => {
    const draft: TemplateDraft = {
      ...tradeTemplate(),
      mappings: {
        blotter: [
          ...tradeTemplate().mappings!.blotter,
          { target: 'Age', formula: 'TODAY()-[Trade Date]' },
          { target: 'Ratio', formula: '[Qty]/[Price]' },
          { target: 'Rate', formula: 'XLOOKUP([Currency], Fx[Ccy], Fx[Rate])' },
        ],
      },
      validations: [
        ...tradeTemplate().validations!,
        { name: 'Ratio positive', formula: '[Ratio]>0', message: 'x' },
        { name: 'Known rate', formula: 'NOT(ISNA([Rate]))', severity: 'info', message: 'x' },
      ],
      referenceTables: { Fx: { columns: ['Ccy', 'Rate'], rows: [['EUR', 1.08], ['USD', 1], ['GBP', 1.27]] } },
    };
    const table = tradeSample(2_500, 11);
    const { run, preview } = await both(draft, table);
    expect(run.mapped).toBeDefined();
    for (const t of preview.targets) {
      expect(t.status, t.target).toBe('ok');
      if (t.status !== 'ok') continue;
      const column = run.mapped!.columns.find((c) => c.name === t.target)!;
      expect(columnFromOutput({ name: t.target, type: t.type!, values: t.values }), t.target).toEqual(column);
    }
    const counts = Object.fromEntries(preview.validations.map((v) => [v.name, v.status === 'ok' ? v.failing : v.status]));
    expect(counts).toEqual(run.validationFailures);
    expect(Object.values(counts).some((n) => Number(n) > 0)).toBe(true);
  });
});
