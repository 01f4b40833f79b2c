/** Reference tables attached to the template (tick sizes, account aliases), read as `Ticks[Product]`. */
import { EditError, type TemplateDraft } from './template-draft';

export type ReferenceTableDraft = NonNullable<TemplateDraft['referenceTables']>[string];

/** Formulas name a table bare (`Ticks[Tick]`), so its name must read as one word there. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function setReferenceTable(doc: TemplateDraft, { name, table }: { name: string; table: ReferenceTableDraft | undefined }): TemplateDraft {
  if (!TABLE_NAME.test(name)) {
    throw new EditError(`A table name is one word of letters, digits and _ (formulas write it as ${name.replace(/\W+/g, '_') || 'Ticks'}[Column]); "${name}" is not.`);
  }
  const tables = { ...(doc.referenceTables ?? {}) };
  if (table) tables[name] = table;
  else if (name in tables) delete tables[name];
  else throw new EditError(`There is no table ${name} to remove.`);
  return { ...doc, referenceTables: tables };
}
