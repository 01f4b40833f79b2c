/**
 * The option form of a format's reader, from the reader's schema (Reader.optionsSchema → JSON
 * Schema → form fields), for the studio's Sources panel. Nothing here lists options by hand: a
 * reader that gains an option gains a form field.
 */
import { z } from 'zod';
import { readerOptionFields, type ReaderOptionsForm } from '../template/reader-option-fields';
import { readerRegistry, type ReaderRegistry } from './registry';

export function readerOptionsForm({ format, registry = readerRegistry }: { format: string; registry?: ReaderRegistry }): ReaderOptionsForm | undefined {
  const reader = registry.byFormat(format);
  if (!reader) return undefined;
  // The input side: what a user may type (the delimiter accepts "tab" before it becomes "\t").
  const jsonSchema = z.toJSONSchema(reader.optionsSchema, { io: 'input', unrepresentable: 'any' });
  return { format: reader.format, fields: readerOptionFields({ jsonSchema }) };
}
