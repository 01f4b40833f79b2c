import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../runtime/cli/main';
import { TemplateSchema } from '../runtime/template/schema';

/**
 * Every shipped template is a test (DESIGN.md §11.6): `opspilot run` on its sample inputs must
 * reproduce each file in its expected/ folder byte for byte. expected/run.json says how to run it.
 */
const ROOT = __dirname;
const shipped = (await readdir(ROOT, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const kindOf = async (name: string): Promise<string> => JSON.parse(await readFile(path.join(ROOT, name, 'template.json'), 'utf8')).kind;

/** The break kinds of an expected breaks.csv, counted (the kind is its first column, never quoted). */
function kindsIn(csv: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of csv.split('\r\n').slice(1).filter(Boolean)) {
    const kind = line.slice(0, line.indexOf(','));
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

describe('shipped templates', () => {
  it('are all here, each with expected output', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
  });

  it('cover every template kind, so each engine runs end to end through `opspilot run`', async () => {
    const kinds = new Set(await Promise.all(shipped.map(kindOf)));
    expect([...kinds].sort()).toEqual([...TemplateSchema.shape.kind.options].sort());
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
      if ((await kindOf(name)) !== 'mapping') {
        // The engine's own counts agree with the breaks the expected file spells out, kind by kind.
        const kinds = kindsIn(await readFile(path.join(dir, 'expected', 'breaks.csv'), 'utf8'));
        const total = Object.values(kinds).reduce((n, k) => n + k, 0);
        expect(total, `${name}: expected/breaks.csv holds breaks`).toBeGreaterThan(0);
        expect(summary.match.breaks).toBe(total);
        expect(Object.fromEntries(Object.entries(summary.match.summary.byKind).filter(([, n]) => n !== 0))).toEqual(kinds);
      }
      expect(summary.template.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(summary.inputs.flatMap((i: { files: { sha256: string }[] }) => i.files.map((f) => f.sha256)).every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
