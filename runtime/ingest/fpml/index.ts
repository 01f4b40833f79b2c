/** The FpML reader's public surface: the Reader, folder reads, and the column contract. */
export { fpmlReader, readFpmlBytes, readFpmlSource } from './reader';
export { concatTables, folderDatasetId, readFpmlFiles, SOURCE_FILE_COLUMN } from './folder';
export type { ConcatenatedTable, FpmlFileResult, FpmlFilesRequest, FpmlFilesResult, TablePart } from './folder';
export { COLUMNS, renderColumnsMarkdown } from './columns';
export type { ColumnName, ColumnSpec } from './columns';
