// Entry of a read worker thread (parallel-read.ts). Worker threads start as plain Node, so this
// registers tsx first and then loads the TypeScript worker, as the sandbox pool's boot does.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
