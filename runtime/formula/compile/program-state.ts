/**
 * What one program's emitted code declares: input columns, function handles, reusable
 * argument arrays, temporaries and per-batch constants. Every name comes from local().
 */
import type { ColumnSpec } from '../program';
import { jsString, local } from './js-syntax';

export class ProgramState {
  readonly inputs: ColumnSpec[] = [];
  private readonly inputIndex = new Map<string, number>();
  private readonly functionIndex = new Map<string, number>();
  private readonly argArrays: number[] = [];
  private temps = 0;
  /** `var kN = ...;` lines, in dependency order: later constants may use earlier ones. */
  readonly constants: string[] = [];
  private readonly sharedConstants = new Map<string, string>();

  /** The row-value local of a column, registering it as an input on first use. */
  column(spec: ColumnSpec): string {
    let k = this.inputIndex.get(spec.name);
    if (k === undefined) {
      k = this.inputs.length;
      this.inputs.push(spec);
      this.inputIndex.set(spec.name, k);
    }
    return local('v', k);
  }

  /** A function handle resolved once per batch by canonical registry name. */
  fn(name: string): string {
    let k = this.functionIndex.get(name);
    if (k === undefined) {
      k = this.functionIndex.size;
      this.functionIndex.set(name, k);
    }
    return local('f', k);
  }

  /** An argument array reused by one call site on every row, so calls allocate nothing. */
  argArray(size: number): string {
    this.argArrays.push(size);
    return local('a', this.argArrays.length - 1);
  }

  temp(): string {
    return local('t', this.temps++);
  }

  /** Hoists a row-independent expression; identical ones (e.g. #N/A) share a constant. */
  constant(code: string): string {
    const shared = this.sharedConstants.get(code);
    if (shared) return shared;
    const name = local('k', this.constants.length);
    this.constants.push(`var ${name} = ${code};`);
    this.sharedConstants.set(code, name);
    return name;
  }

  /** Declarations that precede the constants: inputs, functions, argument arrays, temps. */
  declarations(): string[] {
    const lines: string[] = [];
    if (this.inputs.length) lines.push(`var ${this.inputs.map((_, k) => `${local('c', k)} = I[${k}]`).join(', ')};`);
    for (const [name, k] of this.functionIndex) lines.push(`var ${local('f', k)} = L.fn(${jsString(name)});`);
    this.argArrays.forEach((size, k) => lines.push(`var ${local('a', k)} = [${new Array(size).fill('null').join(', ')}];`));
    if (this.temps) lines.push(`var ${Array.from({ length: this.temps }, (_, k) => local('t', k)).join(', ')};`);
    return lines;
  }

  /** The statements at the top of the row loop that read this row's cells. */
  rowReads(): string[] {
    return this.inputs.map((_, k) => `${local('v', k)} = ${local('c', k)}[i];`);
  }

  rowLocals(): string | undefined {
    return this.inputs.length ? `var ${this.inputs.map((_, k) => local('v', k)).join(', ')};` : undefined;
  }
}
