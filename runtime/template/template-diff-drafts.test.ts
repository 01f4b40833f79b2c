import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { DIFF_SECTIONS, diffTemplates, type TemplateChange } from './template-diff';

// Versions saved as drafts can be anything a JSON object holds: the diff must still answer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const shipped = (name: string): Doc => JSON.parse(readFileSync(path.resolve(__dirname, '../../templates', name, 'template.json'), 'utf8'));
const recon = () => shipped('etd-position-recon');
const changesOf = (before: unknown, after: unknown): TemplateChange[] => [...diffTemplates({ before, after }).changes];

describe('diffTemplates: drafts and broken documents', () => {
  it('compares a half-written draft against a full template without throwing', () => {
    const draft = { schemaVersion: 1, name: 'New recon', kind: 'recon', mappings: { broker: [{ target: 'Account' }] } };
    const diff = diffTemplates({ before: draft, after: recon() });
    expect(diff.notes).toEqual([]);
    expect(diff.groups.map((g) => g.section)).toEqual(['settings', 'sources', 'mappings', 'keys', 'rules', 'reference tables']);
    expect(diff.changes).toContainEqual(expect.objectContaining({ change: 'added', label: 'broker › Account', path: '$.mappings.broker[0].formula', after: 'TRIM([Acct])' }));
  });

  it('shows list items that are not objects as the JSON they are', () => {
    const before = { schemaVersion: 1, kind: 'mapping', sources: ['broker'] };
    const after = { schemaVersion: 1, kind: 'mapping', sources: ['broker', 'ccp'], validations: [{ name: 'Draft check' }] };
    expect(changesOf(before, after)).toEqual([
      { section: 'sources', change: 'added', path: '$.sources[1]', label: 'Source 2', after: '"ccp"', format: 'json' },
      { section: 'validations', change: 'added', path: '$.validations[0]', label: 'Draft check', after: '{"name":"Draft check"}', format: 'json', details: [{ name: 'severity', after: 'error' }] },
    ]);
  });

  it('falls back to a JSON-level change where a section has the wrong shape', () => {
    const broken = recon();
    broken.mappings = 'see the spreadsheet';
    broken.match.rules = { field: 'Price' };
    broken.referenceTables.Ticks = 42;
    broken.extra = { note: 1 };
    expect(changesOf(recon(), broken).map((c) => [c.section, c.change, c.path, c.format])).toEqual([
      ['settings', 'added', '$.extra', 'json'],
      ['mappings', 'changed', '$.mappings', 'json'],
      ['rules', 'changed', '$.match.rules', 'json'],
      ['reference tables', 'changed', '$.referenceTables.Ticks', 'json'],
    ]);
  });

  it('compares items without names or with wrong types by position', () => {
    const before = { mappings: { s: [{ formula: '[A]' }, 7, null] }, validations: [{ formula: 1 }], match: { rules: [{ kind: 'ticks' }, { field: 'P', kind: 'nope' }] } };
    const after = { mappings: { s: [{ formula: '[B]' }, 8, null] }, validations: [{ formula: 2 }], match: { rules: [{ kind: 'ticks', value: 'x' }, { field: 'P', kind: 'nope', value: 1 }] } };
    const changes = changesOf(before, after);
    expect(changes.map((c) => c.label)).toEqual(['s › column 1', 's › column 2', 'Validation 1 › formula', 'rule 1', 'P']);
    expect(changes[4].after).toBe('P has an unknown rule kind `nope`');
  });

  it('says when a version cannot be read as a template, and still shows the difference', () => {
    for (const unreadable of [null, 'text', [1, 2], 3]) {
      const diff = diffTemplates({ before: unreadable, after: recon() });
      expect(diff.notes).toEqual([{ side: 'before', message: expect.stringMatching(/^The document is .*not a template object/) }]);
      expect(diff.changes).toEqual([expect.objectContaining({ section: 'settings', label: 'Whole document', path: '$', format: 'json' })]);
    }
    const future = { ...recon(), schemaVersion: 99 };
    expect(diffTemplates({ before: recon(), after: future }).notes).toEqual([{ side: 'after', message: expect.stringContaining('schemaVersion 99, newer than this build understands') }]);
    expect(diffTemplates({ before: null, after: null }).changes).toEqual([]);
  });

  it('never throws on random damage to shipped templates, and every change says where it is', () => {
    const random = seededRandom(7);
    const junk = [null, 0, -1, 'x', '', true, [], {}, [null], { field: 3 }, [[1]], { name: 'n' }];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const damage = (node: Doc, depth: number): Doc => {
      if (depth > 6 || node === null || typeof node !== 'object') return random() < 0.15 ? pick(junk) : node;
      if (random() < 0.05) return pick(junk);
      const copy: Doc = Array.isArray(node) ? [...node] : { ...node };
      for (const k of Object.keys(copy)) copy[k] = damage(copy[k], depth + 1);
      if (Array.isArray(copy) && copy.length && random() < 0.2) copy.splice(Math.floor(random() * copy.length), 1);
      return copy;
    };
    const bases = ['etd-position-recon', 'excel-trade-blotter', 'broker-etd-positions', 'fpml-otc-trades'].map(shipped);
    for (let i = 0; i < 300; i++) {
      const base = pick(bases);
      const diff = diffTemplates({ before: damage(base, 0), after: random() < 0.5 ? base : damage(base, 0) });
      for (const c of diff.changes) {
        expect(DIFF_SECTIONS).toContain(c.section);
        expect(c.path.startsWith('$')).toBe(true);
        expect(c.label).not.toBe('');
        expect(c.before !== undefined || c.after !== undefined, JSON.stringify(c)).toBe(true);
      }
    }
  });
});
