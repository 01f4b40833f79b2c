/**
 * Reader option values ⇄ the text of their form inputs. A blank input removes the option, so the
 * reader goes back to detecting it; the reader itself validates what is sent and answers with a
 * finding, so nothing here second-guesses it beyond turning text into the right JSON type.
 */
import type { ReaderOptionField } from '$runtime/template/reader-option-fields';

export type OptionInput = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Control characters shown as their escapes: a tab delimiter reads as \t in the input. */
const ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t' };

export function optionText(field: ReaderOptionField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'text-list' && Array.isArray(value)) return value.join(', ');
  if (field.kind === 'boolean') return value === true ? 'true' : value === false ? 'false' : '';
  if (typeof value === 'string') return ESCAPES[value] ?? value;
  return String(value);
}

/** The option value for an input's text; `undefined` means "leave the option out". */
export function parseOption(field: ReaderOptionField, text: string): OptionInput {
  // Spaces matter in a one-character option (a space-separated file); elsewhere they are noise.
  const t = field.kind === 'character' ? text : text.trim();
  if (t === '') return { ok: true, value: undefined };
  switch (field.kind) {
    case 'boolean': return { ok: true, value: t === 'true' };
    case 'integer': {
      const n = Number(t);
      if (!Number.isInteger(n)) return { ok: false, message: `${field.label} is a whole number, e.g. 2.` };
      if (field.min !== undefined && n < field.min) return { ok: false, message: `${field.label} is at least ${field.min}.` };
      if (field.max !== undefined && n > field.max) return { ok: false, message: `${field.label} is at most ${field.max}.` };
      return { ok: true, value: n };
    }
    case 'text-or-integer': return { ok: true, value: /^\d+$/.test(t) ? Number(t) : t };
    case 'text-list': return { ok: true, value: t.split(',').map((s) => s.trim()).filter(Boolean) };
    default: return { ok: true, value: t };
  }
}

/** The options with one set or, for `undefined`, removed; the input object is not changed. */
export function withOption(options: Readonly<Record<string, unknown>>, name: string, value: unknown): Record<string, unknown> {
  const next = { ...options };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** The `types` option with one column's type fixed, or released back to inference (''). */
export function withColumnType(options: Readonly<Record<string, unknown>>, column: string, type: string): Record<string, unknown> {
  const current = (options.types && typeof options.types === 'object' ? options.types : {}) as Record<string, string>;
  const types = { ...current };
  if (type) types[column] = type;
  else delete types[column];
  return withOption(options, 'types', Object.keys(types).length ? types : undefined);
}
