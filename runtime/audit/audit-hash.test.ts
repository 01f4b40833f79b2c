import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';
import { auditEntryHash, checkLink, GENESIS_HASH, toStoredJson } from './audit-hash';

describe('stored JSON for audit summaries', () => {
  it('is what JSON.stringify makes: dates as ISO text, no undefined, non-finite as null', () => {
    expect(toStoredJson({ d: new Date('2026-01-02T03:04:05.006Z'), u: undefined, n: [Number.NaN, -0, 0.1 + 0.2] })).toEqual({ d: '2026-01-02T03:04:05.006Z', n: [null, 0, 0.30000000000000004] });
    expect(toStoredJson(undefined)).toBeNull();
  });

  it('hashes the same whatever the key order', () => {
    const base = { seq: 1, ts: new Date(0), actor: 'a', action: 'x.y', entity: 'e', correlationId: null, prevHash: GENESIS_HASH };
    expect(auditEntryHash({ ...base, summary: { a: 1, b: { c: 2, d: 3 } } })).toBe(auditEntryHash({ ...base, summary: { b: { d: 3, c: 2 }, a: 1 } }));
  });
});

describe('audit entry hashes', () => {
  const entry = { seq: 1, ts: new Date('2026-11-23T10:00:00Z'), actor: 'ana@firm.com', action: 'template.submit', entity: 'template-version:1', summary: { after: { status: 'submitted' } }, correlationId: 'r1', prevHash: GENESIS_HASH };

  it('change with any field, and link to the previous hash', () => {
    const hash = auditEntryHash(entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ seq: 2 }, { actor: 'eve@firm.com' }, { summary: { after: { status: 'approved' } } }, { correlationId: null }, { ts: new Date('2026-11-23T10:00:00.001Z') }]) {
      expect(auditEntryHash({ ...entry, ...change })).not.toBe(hash);
    }
    expect(checkLink({ entry, hash, previous: null })).toBeNull();
    expect(checkLink({ entry, hash: 'f'.repeat(64), previous: null })).toMatchObject({ seq: 1, problem: 'hash-mismatch' });
    expect(checkLink({ entry: { ...entry, seq: 3 }, hash, previous: { seq: 1, hash } })).toMatchObject({ problem: 'seq-gap', message: expect.stringContaining('2..2') });
    expect(checkLink({ entry: { ...entry, seq: 2 }, hash, previous: { seq: 1, hash: 'a'.repeat(64) } })).toMatchObject({ problem: 'prev-hash-mismatch' });
  });
});

describe('audit CSV export', () => {
  it('quotes per RFC 4180 and neutralises spreadsheet formulas', () => {
    const csv = auditCsv({ entries: [{ seq: 7, ts: new Date('2026-11-23T10:00:00Z'), actor: '=HYPERLINK("x")', action: 'user.create', entity: 'user:1', summary: { note: 'a, "b"' }, correlationId: null, prevHash: 'p', hash: 'h' }] });
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('seq,ts,actor,action,entity,summary,correlation_id,prev_hash,hash');
    expect(row).toBe(`7,2026-11-23T10:00:00.000Z,"'=HYPERLINK(""x"")",user.create,user:1,"{""note"":""a, \\""b\\""""}",,p,h`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
