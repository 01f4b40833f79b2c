/**
 * Reader options: each reader declares a zod schema, strict so a misspelt option is a finding
 * rather than silently ignored. The typing options are shared by every reader:
 *   types       { column: 'text' | 'number' | 'date' | 'datetime' | 'boolean' } fixes a column's type
 *               over inference; '*' applies to every column not named. A cell that does not read
 *               as the fixed type becomes blank, with a finding.
 *   dateOrder   'DMY' | 'MDY' settles slashed dates (03/04/2026) the data leaves ambiguous
 *   nullValues  extra cell texts that mean blank (e.g. ["N/A", "NULL"]); empty cells always are
 * Browser-safe.
 */
import { z } from 'zod';
import type { ColumnType } from '../table/table';
import { refusal } from './limits';
import type { ReadResult } from './reader';

export const columnTypeSchema = z.enum(['number', 'text', 'boolean', 'date', 'datetime']);

/**
 * Titles and descriptions (zod `.meta`) are the option form's labels and help: the studio renders
 * its reader option form from each reader's schema (Reader.optionsSchema), so they say what the
 * option does and what happens when it is left blank.
 */
export const typingOptionsShape = {
  types: z.record(z.string(), columnTypeSchema).optional()
    .meta({ title: 'Column types', description: 'Fix a column\'s type instead of inferring it; * applies to every column not named. Cells that do not read as the type become blank, with a finding.' }),
  dateOrder: z.enum(['DMY', 'MDY']).optional()
    .meta({ title: 'Date order', description: 'How to read slashed dates such as 03/04/2026 when the data leaves it open: DMY (3 April) or MDY (4 March). Blank: decided by the data.' }),
  nullValues: z.array(z.string()).max(100).optional()
    .meta({ title: 'Blank values', description: 'Cell texts that mean blank, such as N/A or NULL. Empty cells are always blank.' }),
};

export interface TypingOptions {
  readonly types?: Readonly<Record<string, ColumnType>>;
  readonly dateOrder?: 'DMY' | 'MDY';
  readonly nullValues?: readonly string[];
}

/** The type the user fixed for a column, if any. */
export function fixedType(options: TypingOptions, column: string): ColumnType | undefined {
  return options.types?.[column] ?? options.types?.['*'];
}

export type ParsedOptions<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: ReadResult };

export function parseReaderOptions<S extends z.ZodType>({ schema, options, source, format }: {
  schema: S; options: unknown; source: string; format: string;
}): ParsedOptions<z.infer<S>> {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? `\`${issue.path.join('.')}\`` : 'options';
    if (issue.code === 'unrecognized_keys') return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    return `${where}: ${issue.message}`;
  });
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).map((k) => `\`${k}\``).join(', ') : '';
  return {
    ok: false,
    result: refusal(source, 'bad-reader-option', `The ${format} reader's options are not valid: ${problems.join('; ')}.${known ? ` It takes ${known}.` : ''}`),
  };
}

/** Warns about typed columns the file does not have (a typo in `types` would otherwise do nothing). */
export function unknownTypedColumns(options: TypingOptions, columns: readonly string[]): string[] {
  const have = new Set(columns);
  return Object.keys(options.types ?? {}).filter((name) => name !== '*' && !have.has(name));
}
