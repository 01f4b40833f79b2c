import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { templateJsonSchema } from './json-schema';
import { migrateTemplate } from './migrations';
import { parseTemplate } from './validate';

const mapping = () => ({
  schemaVersion: 1,
  name: 'Broker positions',
  kind: 'mapping',
  sources: [{ name: 'broker', format: 'csv', columns: [{ name: 'Long Qty', type: 'number' }, { name: 'Short Qty', type: 'number' }, { name: 'Product Code' }] }],
  mappings: { broker: [{ target: 'Net Qty', formula: '[Long Qty]-[Short Qty]' }, { target: 'Product', formula: 'UPPER([Product Code])' }] },
  validations: [{ name: 'has product', formula: 'LEN([Product])>0', message: 'Product is empty: fill Product Code in the file.' }],
  outputs: [{ name: 'positions', format: 'csv', columns: ['Product', 'Net Qty'] }],
});

const recon = () => ({
  schemaVersion: 1,
  name: 'Positions recon',
  kind: 'recon',
  sources: [{ name: 'internal', format: 'csv' }, { name: 'broker', format: 'csv' }],
  match: {
    sources: ['internal', 'broker'],
    keys: [{ name: 'account', formulas: { internal: '[Account]', broker: '[Acct]' } }],
    rules: [{ field: 'Price', kind: 'ticks', value: 1, tickTable: 'ticks', tickKey: 'Product' }, { field: 'Qty', kind: 'exact' }],
  },
  referenceTables: { ticks: { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['ZN', 0.015625]] } },
});

describe('parseTemplate', () => {
  it('accepts a valid mapping template and fills defaults', () => {
    const r = parseTemplate({ doc: mapping() });
    expect(r.findings).toEqual([]);
    expect(r.ok && r.template.validations[0].severity).toBe('error');
    expect(r.ok && r.template.sources[0].options).toEqual({});
  });

  it('accepts a recon template with a tick rule and a reference table', () => {
    const r = parseTemplate({ doc: recon() });
    expect(r.findings).toEqual([]);
    expect(r.ok && r.template.match?.duplicates).toBe('optimal-pairing');
  });

  it('reports structural errors with JSON paths', () => {
    const doc = mapping() as any;
    doc.sources[0].format = 'pdf';
    doc.mappings.broker[1].formula = '';
    doc.extra = true;
    const r = parseTemplate({ doc, source: 'bad.json' });
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries(r.findings.map((f) => [f.location.path, f.message]));
    expect(Object.keys(byPath).sort()).toEqual(['$', '$.mappings.broker[1].formula', '$.sources[0].format']);
    expect(byPath.$).toMatch(/Unknown field `extra`/);
    expect(byPath['$.mappings.broker[1].formula']).toMatch(/formula is required/);
    expect(r.findings.every((f) => f.location.source === 'bad.json')).toBe(true);
  });

  it('reports a bad tolerance rule kind at its path', () => {
    const doc = recon() as any;
    doc.match.rules[1] = { field: 'Qty', kind: 'percent', value: 1 };
    const r = parseTemplate({ doc });
    expect(r.findings.map((f) => f.location.path)).toEqual(['$.match.rules[1].kind']);
  });

  it('checks formulas against declared columns, with position and a did-you-mean', () => {
    const doc = mapping() as any;
    doc.mappings.broker[0].formula = '[Long Qtty]-[Short Qty]';
    doc.validations[0].formula = 'LENN([Product])>0';
    const r = parseTemplate({ doc });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.location.path, f.code])).toEqual([
      ['$.mappings.broker[0].formula', 'formula-unknown-column'],
      ['$.validations[0].formula', 'formula-unknown-function'],
    ]);
    expect(r.findings[0].message).toMatch(/did you mean `Long Qty`\?.*at character 1/);
    expect(r.findings[1].message).toMatch(/did you mean `LEN`\?/);
  });

  it('lets validations see the mapped target columns', () => {
    const doc = mapping() as any;
    doc.validations[0].formula = '[Net Qty] <> 0';
    expect(parseTemplate({ doc }).findings).toEqual([]);
  });

  it('checks names across sections: sources, match, outputs, reference tables', () => {
    const doc = recon() as any;
    doc.kind = 'nway';
    doc.match.sources = ['internal', 'brokr'];
    doc.match.keys[0].aliases = 'venues';
    doc.referenceTables.ticks.rows.push(['NQ']);
    const messages = parseTemplate({ doc }).findings.map((f) => `${f.location.path}: ${f.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\$\.match\.sources: An nway template matches 3 or more sources/),
      expect.stringMatching(/^\$\.match\.sources\[1\]: Unknown source `brokr`; the sources are `internal`, `broker`/),
      expect.stringMatching(/^\$\.match\.keys\[0\]\.aliases: Alias table `venues`/),
      expect.stringMatching(/^\$\.referenceTables\.ticks\.rows\[2\]: Row 3 of reference table `ticks` has 1 values for 2 columns/),
    ]));
  });

  it('requires a match section for recon and refuses one on a mapping', () => {
    const noMatch = recon() as any;
    delete noMatch.match;
    expect(parseTemplate({ doc: noMatch }).findings[0]).toMatchObject({ location: { path: '$.match' }, message: expect.stringMatching(/needs a match section/) });
    const mappingWithMatch = { ...mapping(), match: recon().match };
    expect(parseTemplate({ doc: mappingWithMatch }).ok).toBe(false);
  });

  it('refuses what is not a template at all', () => {
    expect(parseTemplate({ doc: [] }).findings[0].message).toMatch(/JSON object/);
    expect(parseTemplate({ doc: { name: 'x' } }).findings[0]).toMatchObject({ location: { path: '$.schemaVersion' } });
    expect(parseTemplate({ doc: { ...mapping(), schemaVersion: 99 } }).findings[0].message).toMatch(/newer than this build understands/);
  });
});

describe('migrateTemplate', () => {
  it('upgrades step by step and stamps each version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, added: true }),
    };
    const r = migrateTemplate({ doc: { schemaVersion: 1, old: 'x' }, steps, current: 3 });
    expect(r).toEqual({ ok: true, from: 1, doc: { schemaVersion: 3, renamed: 'x', old: undefined, added: true } });
  });

  it('names the missing step', () => {
    expect(migrateTemplate({ doc: { schemaVersion: 1 }, steps: {}, current: 2 })).toEqual({ ok: false, message: 'No migration from schemaVersion 1 to 2.' });
  });

  it('does not mutate the caller\'s document', () => {
    const doc = { schemaVersion: 1, list: [1] };
    migrateTemplate({ doc, steps: { 1: (d) => { (d.list as number[]).push(2); return d; } }, current: 2 });
    expect(doc.list).toEqual([1]);
  });
});

describe('templateJsonSchema', () => {
  it('describes the document for editors', () => {
    const schema = templateJsonSchema() as any;
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'kind', 'sources']));
    expect(schema.properties.kind.enum).toEqual(['mapping', 'recon', 'nway']);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
  });
});
