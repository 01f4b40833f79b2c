/**
 * The page parity.browser.test.ts drives: it starts the studio's sandbox worker and exposes
 * `sandboxFixture` on the page's global, which encodes rows with the browser-safe core, runs them in the
 * worker, and hands back the raw outputs (buffers as base64) for byte-for-byte comparison.
 */
import type { CompiledProgram, RunContext } from '../../formula/program';
import { encodeBatch } from '../columnar-encode';
import { columnsFromRows } from '../input-columns';
import type { WorkerReply, WorkerRequest } from '../worker-protocol';

export type FixtureBatch = { ok: true; buffer: string; text: string; textMode: number } | { ok: false; kind: string; message: string };

/** The slice of the DOM Worker used here: runtime/'s tsconfig has no DOM lib. */
interface PageWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  postMessage(message: WorkerRequest, transfer: ArrayBuffer[]): void;
}
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const { Worker } = globalThis as unknown as { Worker: new (url: URL, options: { type: 'module' }) => PageWorker };
const worker = new Worker(new URL('../../../studio/preview/sandbox-worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<number, (reply: WorkerReply) => void>();
let nextId = 0;
worker.onmessage = ({ data }) => pending.get(data.id)?.(data);

function ask(request: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ ...request, id } as WorkerRequest, transfer);
  });
}

function base64(buffer: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s);
}

async function runProgram(args: { program: CompiledProgram; context: RunContext; rows: Record<string, unknown>[]; batchSize: number; timeoutMs?: number }): Promise<FixtureBatch[]> {
  const columns = columnsFromRows({ inputs: args.program.inputs, rows: args.rows });
  const out: FixtureBatch[] = [];
  for (let start = 0; start < args.rows.length; start += args.batchSize) {
    const batch = encodeBatch({ inputs: args.program.inputs, columns, start, end: Math.min(args.rows.length, start + args.batchSize) });
    const reply = await ask({ type: 'batch', contextKey: 'parity', context: args.context, program: args.program, batch, timeoutMs: args.timeoutMs }, [batch.buffer]);
    if (!reply.ok) out.push({ ok: false, kind: reply.error.kind, message: reply.error.message });
    else if ('outputs' in reply) out.push({ ok: true, buffer: base64(reply.outputs.buffer), text: reply.outputs.text, textMode: reply.outputs.textMode });
  }
  return out;
}

async function runScript(args: { source: string; context: RunContext; rowsJson: string; timeoutMs?: number }): Promise<{ ok: boolean; json?: string; kind?: string }> {
  const reply = await ask({ type: 'script', contextKey: 'parity', context: args.context, source: args.source, rowsJson: args.rowsJson, timeoutMs: args.timeoutMs });
  return reply.ok ? { ok: true, json: 'json' in reply ? reply.json : undefined } : { ok: false, kind: reply.error.kind };
}

(globalThis as unknown as { sandboxFixture: unknown }).sandboxFixture = { runProgram, runScript };
