/**
 * One streamed pass over a delimited file: bytes in, records out of the scanner, their cells'
 * byte ranges batched (cell-batch.ts) and pushed column by column into the builders, where
 * they are parsed in place. Browser-safe.
 *
 * A cell that does not fit an inferred type (a "N/A" under numbers the sample promised)
 * demotes its column: the rest of the pass ignores that column and a second pass reads just the
 * demoted columns as text (`only`), so no cell text is ever kept on the chance it is needed.
 */
import type { FindingSink } from '../finding-sink';
import { createBuilder, planColumn, type ColumnBuilder, type ColumnPlan } from '../infer/column-plan';
import { Int32List } from '../infer/growable';
import { KindTally, isBlankBytes } from '../infer/kind-tally';
import { FIT, TextColumnBuilder, type CellDecoder } from '../infer/text-column-builder';
import { CellBatch } from './cell-batch';
import { RecordScanner, type ScannerEvents } from './record-scanner';

export interface PassInput {
  readonly chunks: AsyncIterable<Uint8Array>;
  readonly delimiter: string;
  readonly quote: string;
  readonly newline: number;
  readonly decode: CellDecoder;
  readonly headerLine: number;
  readonly hasHeader: boolean;
  readonly columns: readonly string[];
  readonly plans: ColumnPlan[];
  /** Second pass: build only these columns, as text. */
  readonly only?: ReadonlySet<number>;
  readonly capacity: number;
  readonly maxRows: number;
  readonly maxRecordBytes: number;
  readonly nullValues?: ReadonlySet<string>;
  readonly dateOrder?: 'DMY' | 'MDY';
  readonly sink: FindingSink;
  /** Holds the line of the cell being stored, so the decoder can say where a value came from. */
  readonly position?: { line: number };
}

export interface Demotion {
  readonly line: number;
  readonly value: string;
  readonly was: ColumnPlan['kind'];
}

export interface PassOutput {
  readonly rowCount: number;
  readonly rowNumbers: Int32Array;
  readonly builders: (ColumnBuilder | null)[];
  readonly demotions: Map<number, Demotion>;
  readonly preambleLines: number;
  readonly tooManyRows: boolean;
  readonly tooLong: boolean;
}

export async function runPass(input: PassInput): Promise<PassOutput> {
  const { columns, plans, only, sink, nullValues, decode } = input;
  const width = columns.length;
  const builders: (ColumnBuilder | null)[] = plans.map((plan, c) => {
    if (only) return only.has(c) ? new TextColumnBuilder(input.capacity, decode) : null;
    return plan.kind === 'pending' ? null : createBuilder(plan, input.capacity, decode);
  });
  // Columns this pass does not store: built by the other pass, or demoted during this one.
  const skip = plans.map((_, c) => (only ? !only.has(c) : false));
  const pendingBlanks = new Array<number>(width).fill(0);
  const demotions = new Map<number, Demotion>();
  const rowNumbers = new Int32List(input.capacity);
  let rowCount = 0;
  let preambleLines = 0;
  let headerSeen = !input.hasHeader;
  let tooManyRows = false;
  let tooLong = false;
  const report = !only; // findings come from the first pass only

  const misfit = (c: number, b: Uint8Array, start: number, end: number, line: number) => {
    const plan = plans[c];
    const builder = builders[c]!;
    if (plan.fixed) {
      builder.pushBlank();
      if (report) sink.add({
        code: 'bad-value', severity: 'warning', row: line, column: columns[c],
        message: `Line ${line}, column \`${columns[c]}\`: "${clip(decode(b, start, end))}" is not a ${plan.fixed}, the type fixed for this column; the cell is left blank.`,
      });
      return;
    }
    demotions.set(c, { line, value: decode(b, start, end), was: plan.kind });
    skip[c] = true;
    builders[c] = null; // its values so far are not needed: the second pass reads it as text
  };

  const position = input.position ?? { line: 0 };
  const batch = new CellBatch(width, position);

  /** Hands the batch to the builders, one column at a time (see cell-batch.ts). */
  function flush(): void {
    const { count, bytes, starts, ends, lines, own } = batch;
    for (let c = 0; c < width; c++) {
      if (skip[c]) continue;
      let b = builders[c];
      if (b !== null && nullValues === undefined) {
        // The fast path: the builder walks the column itself and stops at a cell that does not fit.
        for (let r = b.pushBatch(batch, c, 0); r >= 0; r = b.pushBatch(batch, c, r + 1)) {
          const i = r * width + c;
          misfit(c, (own !== null && own[i]) || bytes, starts[i], ends[i], lines[r]);
          if (skip[c]) break; // demoted: the second pass reads this column
        }
        continue;
      }
      for (let r = 0; r < count; r++) {
        const i = r * width + c;
        let a = starts[i];
        if (a < 0) {
          if (b === null) pendingBlanks[c]++;
          else b.pushBlank();
          continue;
        }
        const e = ends[i];
        const t = (own !== null && own[i]) || bytes;
        position.line = lines[r];
        if (nullValues !== undefined && nullValues.has(decode(t, a, e).trim())) a = e;
        if (b === null) {
          if (isBlankBytes(t, a, e)) { pendingBlanks[c]++; continue; }
          b = builders[c] = startColumn(c, t, a, e);
          continue;
        }
        if (b.pushBytes(t, a, e) !== FIT) {
          misfit(c, t, a, e, lines[r]);
          if (skip[c]) break;
        }
      }
    }
    batch.clear();
  }

  const events: ScannerEvents = {
    record(s, line) {
      if (line < input.headerLine) { preambleLines++; return; }
      const n = s.fieldCount;
      if (!headerSeen) { headerSeen = true; return; }
      let blank = true;
      for (let c = 0; c < n && blank; c++) blank = isBlankBytes(s.fieldBytes(c), s.starts[c], s.ends[c]);
      if (blank) return;
      if (rowCount === input.maxRows) { tooManyRows = true; return false; }
      rowCount++;
      rowNumbers.push(line);
      if (!batch.accepts(s.bytes)) flush();
      batch.add(s, line);
      if (batch.full) flush();
      if (report && n !== width) ragged(s, n, line);
    },
    problem(code, line) {
      if (code === 'record-too-long') { tooLong = true; return; }
      if (report) sink.add({
        code: 'unclosed-quote', severity: 'warning', row: line,
        message: `Line ${line} opens a quote that never closes; the line was read with the quote as an ordinary character. Check for a stray ${input.quote} in that line.`,
      });
    },
  };

  /** The first value of a column that was blank in the sample decides its type. */
  function startColumn(c: number, t: Uint8Array, a: number, e: number): ColumnBuilder {
    const tally = new KindTally();
    tally.addBytes(t, a, e);
    plans[c] = planColumn({ tally, dateOrder: input.dateOrder });
    const b = createBuilder(plans[c], input.capacity, decode);
    b.pushBlanks(pendingBlanks[c]);
    b.pushBytes(t, a, e);
    return b;
  }

  function ragged(s: RecordScanner, n: number, line: number): void {
    if (n > width) {
      let extraFilled = false;
      for (let c = width; c < n && !extraFilled; c++) extraFilled = !isBlankBytes(s.fieldBytes(c), s.starts[c], s.ends[c]);
      if (!extraFilled) return; // trailing empty fields: an export artefact, nothing lost
    }
    const d = input.delimiter === '\t' ? 'tab' : `"${input.delimiter}"`;
    sink.add({
      code: 'ragged-row', severity: 'warning', row: line,
      message: `Line ${line} has ${n} field${n === 1 ? '' : 's'} but the header has ${width}; ${n < width ? 'missing fields are left blank' : 'extra fields are dropped'}. Check for an unquoted ${d} in that line.`,
    });
  }

  const scanner = new RecordScanner({
    delimiter: input.delimiter.charCodeAt(0), quote: input.quote.charCodeAt(0), newline: input.newline,
    events, maxRecordBytes: input.maxRecordBytes,
  });
  for await (const chunk of input.chunks) {
    scanner.push(chunk);
    flush(); // the next chunk is a new buffer
    if (scanner.stopped) break;
  }
  if (!scanner.stopped) scanner.end();
  flush();
  for (let c = 0; c < width; c++) {
    if (builders[c] === null && !skip[c]) {
      plans[c] = { kind: 'text', fixed: plans[c].fixed };
      const b = new TextColumnBuilder(rowCount, decode);
      b.pushBlanks(pendingBlanks[c]);
      builders[c] = b;
    }
  }
  return { rowCount, rowNumbers: rowNumbers.finish(), builders, demotions, preambleLines, tooManyRows, tooLong };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
