/** The FpML reader's public surface: the Reader, folder reads, and the column contract. */
export { fpmlReader, readFpmlBytes, readFpmlSource } from './reader';
export { COLUMNS, renderColumnsMarkdown } from './columns';
export type { ColumnName, ColumnSpec } from './columns';
