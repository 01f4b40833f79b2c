/**
 * Collects a reader's findings. A file with a problem on every line must not produce a million
 * findings: each code keeps its first `perCode` and then one summary says how many more there
 * were and where the first of them was. Browser-safe.
 */
import type { Finding, Severity } from './finding';

export interface FindingInput {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

export class FindingSink {
  private readonly kept: Finding[] = [];
  private readonly counts = new Map<string, { count: number; severity: Severity; firstRow?: number }>();

  constructor(readonly source: string, private readonly perCode = 20) {}

  add({ code, severity, message, row, column }: FindingInput): void {
    const tally = this.counts.get(code) ?? { count: 0, severity };
    tally.count++;
    this.counts.set(code, tally);
    if (tally.count > this.perCode) {
      if (tally.firstRow === undefined) tally.firstRow = row;
      return;
    }
    const location = { source: this.source, ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}) };
    this.kept.push({ code, severity, message, location });
  }

  /** A finding about the whole file, severity error: the file is refused. */
  refuse(code: string, message: string): void {
    this.add({ code, severity: 'error', message });
  }

  get hasErrors(): boolean {
    return this.kept.some((f) => f.severity === 'error');
  }

  list(): Finding[] {
    const out = [...this.kept];
    for (const [code, tally] of this.counts) {
      if (tally.count <= this.perCode) continue;
      const more = tally.count - this.perCode;
      out.push({
        code,
        severity: tally.severity,
        message: `${more.toLocaleString('en-US')} more "${code}" finding${more === 1 ? '' : 's'} like the ones above${tally.firstRow !== undefined ? `, the first of them at row ${tally.firstRow}` : ''}; fix the first ones and read the file again.`,
        location: { source: this.source, ...(tally.firstRow !== undefined ? { row: tally.firstRow } : {}) },
      });
    }
    return out;
  }
}
