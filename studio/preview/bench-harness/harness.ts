/**
 * The page `npm run bench:preview` drives (src/bench/preview-bench.ts): the editor state, the
 * preview engine on the real Web Worker sandbox, and the studio grid showing the sample rows
 * and the preview columns, wired as the editor page wires them. `previewBench.edit` times one
 * formula edit from the edit call to the grid having rendered the new column (the animation
 * frame after the grid update).
 */
import { mount, tick } from 'svelte';
import type { Table } from '../../../runtime/table/table';
import { TemplateEditor } from '../../editor/template-editor.svelte';
import { createPreviewEngine, type PreviewEngine } from '../preview-engine';
import { previewGrid } from '../preview-grid';
import type { PreviewResult } from '../preview-types';
import { createSandboxClient, type PreviewSandbox } from '../sandbox-client';
import { tradeSample, tradeTemplate } from '../testing/trade-sample';
import { connectWorker } from '../worker-port';
import BenchGrid from './BenchGrid.svelte';

export interface EditTiming {
  /** Edit call → the grid rendered the new values of the rows on screen (a partial result over many rows, else the whole). */
  readonly visibleMs: number;
  /** Edit call → the grid rendered the complete result. */
  readonly ms: number;
  /** Edit call → the preview result was ready. */
  readonly resultMs: number;
  /** Edit call → the grid had taken the result (its update ran), before the frame. */
  readonly gridMs: number;
  readonly compileMs: number;
  readonly sandboxMs: number;
  readonly programsRun: number;
  /** The grid's first row shows the edited column's new value. */
  readonly rendered: boolean;
}

const grid = mount(BenchGrid, { target: document.getElementById('app')! });
let session: { editor: TemplateEditor; engine: PreviewEngine; client: PreviewSandbox; table: Table; stop: () => void } | undefined;
let last: PreviewResult | undefined;
let resultAt = 0;
let flushedAt = 0;
/** Renders since the last edit: when, and whether of a complete result. */
let renders: { at: number; complete: boolean }[] = [];
let onRendered: ((at: number) => void) | undefined;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

function show(result: PreviewResult) {
  grid.show(previewGrid(result));
  void tick().then(() => {
    flushedAt = performance.now();
    return frame();
  }).then((at) => {
    renders.push({ at, complete: result.complete });
    if (result.complete) onRendered?.(at);
  });
}

async function setup({ rows, debounceMs = 0, headRows }: { rows: number; debounceMs?: number; headRows?: number }): Promise<{ firstMs: number }> {
  session?.stop();
  const started = performance.now();
  const table = tradeSample(rows);
  const client = createSandboxClient({ connect: connectWorker });
  const engine = createPreviewEngine({ sandbox: client, debounceMs, headRows });
  const editor = new TemplateEditor({ doc: tradeTemplate() });
  engine.update({ source: 'blotter', table, selection: { mode: 'all' }, businessDate: '2026-03-31' });
  const offDoc = editor.subscribe((doc) => engine.update({ template: doc }));
  const offState = engine.subscribe((state) => {
    if (!state.result || state.result === last) return;
    last = state.result;
    resultAt = performance.now();
    show(state.result);
  });
  session = { editor, engine, client, table, stop: () => { offDoc(); offState(); engine.dispose(); client.dispose(); editor.dispose(); } };
  await new Promise<number>((resolve) => (onRendered = resolve));
  // Handsontable loads on mount: wait until it shows rows.
  while (!document.querySelector('.ht_master .htCore tbody tr td')) await frame();
  return { firstMs: performance.now() - started };
}

async function edit({ target, formula }: { target: string; formula: string }): Promise<EditTiming> {
  const { editor, table } = session!;
  const rendered = new Promise<number>((resolve) => (onRendered = resolve));
  renders = [];
  const t0 = performance.now();
  const applied = editor.apply({ type: 'setFormula', source: 'blotter', target, formula });
  if (!applied.ok) throw new Error(applied.error);
  editor.commit();
  const at = await rendered;
  const result = last!;
  const index = result.targets.findIndex((t) => t.target === target);
  const t = result.targets[index];
  const cell = document.querySelector(`.ht_master .htCore tbody tr:first-child td:nth-of-type(${table.columns.length + index + 1})`);
  return {
    visibleMs: renders[0].at - t0,
    ms: at - t0,
    resultMs: resultAt - t0,
    gridMs: flushedAt - t0,
    compileMs: result.stats.compileMs,
    sandboxMs: result.stats.sandboxMs,
    programsRun: result.stats.programsRun,
    rendered: t.formula === formula && t.status === 'ok' && cell?.textContent === t.text[0],
  };
}

(globalThis as unknown as { previewBench: unknown }).previewBench = { setup, edit };
