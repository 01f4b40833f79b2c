/** The live preview: engine, sandbox client and ports, grid adapter, result types. */
export { createPreviewEngine, type PreviewEngine, type PreviewEngineOptions } from './preview-engine';
export { createSandboxClient, PreviewCancelled, type PreviewSandbox, type SandboxClientOptions } from './sandbox-client';
export { connectInProcess, type ConnectPort, type SandboxPort } from './sandbox-port';
export { connectWorker } from './worker-port';
export { previewGrid, type PreviewGrid } from './preview-grid';
export { ERROR_MEANINGS, cellDisplay, type ColumnSummary, type ErrorRow } from './column-summary';
export type { RowSelection } from './row-selection';
export type * from './preview-types';
