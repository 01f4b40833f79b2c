// Entry of a read worker thread that runs the bundled worker (worker-bundle.ts) with V8's code
// cache: compiling the 1.8 MB bundle from source takes a worker about 90 ms, loading it with the
// cache about 40. The cache is made on a worker's first job, once the parser's functions are
// compiled too, and written beside the bundle (temporary name, then renamed); V8 refuses a cache
// that does not fit the bundle or this Node, and the worker then compiles from source and makes
// a new one. Plain CommonJS: it runs before, and without, tsx.
const { parentPort, threadId, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const { bundle } = workerData;
const cacheFile = `${bundle}.v8cache`;
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData });
let makeCache = cachedData === undefined || script.cachedDataRejected === true;
if (makeCache) {
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message, transfer) => {
    if (makeCache) {
      makeCache = false;
      const temp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
      try {
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        try { fs.rmSync(temp, { force: true }); } catch { /* nothing to clean */ }
      }
    }
    post(message, transfer);
  };
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, require('node:module').createRequire(bundle), module_, bundle, path.dirname(bundle));
