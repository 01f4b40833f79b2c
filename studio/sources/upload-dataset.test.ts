import { describe, expect, it } from 'vitest';
import { uploadOutcome } from './upload-dataset';

const dataset = { id: 'd1', name: 'p.csv', format: 'csv', rowCount: 2, sizeBytes: 10, sha256: 'a'.repeat(64), columns: [], uploadedAt: '2026-11-20T00:00:00.000Z' };

describe('upload outcome', () => {
  it('gives the stored dataset and any warnings', () => {
    const warning = { code: 'ragged-row', severity: 'warning', message: 'Line 3 is short.', location: { source: 'p.csv', row: 3 } };
    expect(uploadOutcome({ fileName: 'p.csv', status: 200, body: JSON.stringify({ ok: true, dataset, findings: [warning] }) })).toEqual({ ok: true, dataset, findings: [warning] });
  });

  it('explains refusals with the reader findings, or the HTTP status with what to do', () => {
    const refusal = { code: 'binary-file', severity: 'error', message: 'p.csv looks binary.', location: { source: 'p.csv' } };
    expect(uploadOutcome({ fileName: 'p.csv', status: 422, body: JSON.stringify({ ok: false, findings: [refusal] }) })).toEqual({ ok: false, message: 'p.csv was not stored.', findings: [refusal] });
    expect(uploadOutcome({ fileName: 'p.csv', status: 401, body: '' })).toMatchObject({ ok: false, message: expect.stringMatching(/sign in again/) });
    expect(uploadOutcome({ fileName: 'p.csv', status: 403, body: JSON.stringify({ message: 'Uploading needs the analyst role; you are viewer.' }) })).toMatchObject({ message: 'Uploading needs the analyst role; you are viewer.' });
    expect(uploadOutcome({ fileName: 'big.csv', status: 413, body: '<html>' })).toMatchObject({ message: expect.stringMatching(/MAX_UPLOAD_MB/) });
    expect(uploadOutcome({ fileName: 'p.csv', status: 502, body: 'Bad gateway' })).toMatchObject({ message: expect.stringMatching(/HTTP 502.*server log/) });
    expect(uploadOutcome({ fileName: 'p.csv', status: 200, body: '{"ok":true}' })).toMatchObject({ ok: false });
  });
});
