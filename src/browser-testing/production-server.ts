import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { buildIfStale } from '$runtime/cli/build-if-stale';
import { PROJECT_ROOT } from '$runtime/cli/project-root';

/** The production build, started as users start it, on a free port with its own DATA_DIR. */
export interface RunningServer {
  readonly url: string;
  readonly logs: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function ensureBuilt(): Promise<void> {
  await buildIfStale((line) => process.stderr.write(`${line}\n`));
}

export async function startProductionServer({ dataDir, env = {} }: { dataDir: string; env?: NodeJS.ProcessEnv }): Promise<RunningServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, 'build', 'index.js')], {
    cwd: PROJECT_ROOT,
    // ORIGIN: the address the browser uses; adapter-node would otherwise assume https.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`The server did not become healthy within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    logs: () => output,
    // A graceful stop, as an operator's SIGTERM; a server that does not exit within 20 s is a bug.
    stop: () => new Promise<void>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`The server did not exit within 20 s of SIGTERM:\n${output}`));
      }, 20_000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
