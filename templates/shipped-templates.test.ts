import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../runtime/cli/main';

/**
 * Every shipped template is a test (DESIGN.md §11.6): `opspilot run` on its sample inputs must
 * reproduce each file in its expected/ folder byte for byte. expected/run.json says how to run it.
 */
const ROOT = __dirname;
const shipped = (await readdir(ROOT, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('shipped templates', () => {
  it('are all here, each with expected output', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
  });

  it.each(shipped)('%s reproduces its expected output', async (name) => {
    const dir = path.join(ROOT, name);
    const run = JSON.parse(await readFile(path.join(dir, 'expected', 'run.json'), 'utf8')) as { businessDate: string; inputs: Record<string, string>; exitCode?: number };
    const out = await mkdtemp(path.join(os.tmpdir(), `opspilot-${name}-`));
    try {
      const stdout = new PassThrough();
      let printed = '';
      stdout.on('data', (c) => (printed += c));
      const args = ['run', dir, '--out', out, '--business-date', run.businessDate, '--json'];
      for (const [source, input] of Object.entries(run.inputs)) args.push('--input', `${source}=${path.join(dir, input)}`);
      const code = await main(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: ROOT });
      // 0 for a clean mapping; a recon with breaks exits 1 by design (expected/run.json says so).
      expect({ code, printed }).toMatchObject({ code: run.exitCode ?? 0 });
      const expectedFiles = (await readdir(path.join(dir, 'expected'))).filter((f) => f !== 'run.json');
      expect(expectedFiles.length).toBeGreaterThan(0);
      for (const file of expectedFiles) {
        const [actual, expected] = await Promise.all([readFile(path.join(out, file), 'utf8'), readFile(path.join(dir, 'expected', file), 'utf8')]);
        expect(actual, `${name}/${file}`).toBe(expected);
      }
      const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
      expect(summary.template.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(summary.inputs.flatMap((i: { files: { sha256: string }[] }) => i.files.map((f) => f.sha256)).every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
