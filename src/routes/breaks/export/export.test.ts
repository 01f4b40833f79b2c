import * as XLSX from '@e965/xlsx';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { createLogger } from '$runtime/observability/logger';
import { exportBreaks } from '$runtime/runs/break-export';
import { startRun } from '$runtime/runs/start-run';
import { makeUsers, reconDocument, reconSamples, settled, storeVersion } from '$runtime/runs/testing';
import type { Actor } from '$runtime/auth/roles';
import { GET } from './+server';

/** The export endpoint with a real app: the request hook's locals, a URL, and the handler. */
async function get(app: App, user: Actor | null, query: Record<string, string>): Promise<Response> {
  const url = new URL(`http://studio.test/breaks/export?${new URLSearchParams(query)}`);
  const event = { url, locals: { app, user, log: createLogger({ level: 'silent' }), requestId: 'req-export' } } as unknown as RequestEvent;
  return GET(event as Parameters<typeof GET>[0]);
}

async function status(promise: Promise<Response>): Promise<{ status: number; message: string }> {
  try {
    const r = await promise;
    return { status: r.status, message: '' };
  } catch (e) {
    if (isHttpError(e)) return { status: e.status, message: e.body.message };
    throw e;
  }
}

describe('the breaks export', () => {
  let app: App;
  let people: Record<string, Actor>;
  let runId: string;

  beforeAll(async () => {
    app = await openTestApp();
    people = await makeUsers(app, { vic: 'viewer', ana: 'analyst' });
    const versionId = await storeVersion(app, { name: 'ETD recon', document: await reconDocument() });
    const started = await startRun({ app, actor: people.ana, versionId, inputs: await reconSamples(app), businessDate: '2026-11-20' });
    if (!started.ok) throw new Error(started.problem.message);
    runId = started.value.runId;
    await settled(app, runId);
  });
  afterAll(async () => { await app?.close(); });

  it('streams every matching break as CSV: key parts, per-source values, diff, rule', async () => {
    const response = await get(app, people.vic, { filter: JSON.stringify({ runId, sort: { by: 'kind', dir: 'asc' } }), format: 'csv' });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="opspilot-breaks-.*\.csv"/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,run_id,kind,Account,Venue,Product,Contract Month,status,assignee,severity,cluster,'
      + 'Quantity_internal,Quantity_broker,Quantity_diff,Quantity_rule,Cash_internal,Cash_broker,Cash_diff,Cash_rule,reason,age_days');
    expect(lines).toHaveLength(5);
    const row = (kind: string, account: string) => lines.find((l) => l.includes(`,${kind},${account},`))!.split(',').slice(2);
    expect(row('field', 'ACC-1002')).toEqual(['field', 'ACC-1002', 'XEUR', 'FGBL', '2026-12', 'open', '', 'error', 'field|Quantity:-1e0', '-35', '-30', '-5', 'Quantity must match exactly', '', '', '', '', '', '0']);
    expect(row('field', 'ACC-1003').slice(13, 17)).toEqual(['-1140', '-1150', '10', 'Cash may differ by up to 0.05']);
    expect(row('only-left', 'ACC-1004').slice(0, 8)).toEqual(['only-left', 'ACC-1004', 'XCME', 'CL', '2027-01', 'open', '', 'error']);

    const onlyLeft = await (await get(app, people.vic, { filter: JSON.stringify({ runId, kind: ['only-left'] }) })).text();
    expect(onlyLeft.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('writes the same rows as an XLSX sheet', async () => {
    const response = await get(app, people.vic, { filter: JSON.stringify({ runId, sort: { by: 'kind', dir: 'asc' } }), format: 'xlsx' });
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = XLSX.read(new Uint8Array(await response.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets.Breaks, { header: 1 });
    expect(rows[0].slice(0, 7)).toEqual(['id', 'run_id', 'kind', 'Account', 'Venue', 'Product', 'Contract Month']);
    expect(rows).toHaveLength(5);
    const fgbl = rows.find((r) => r[5] === 'FGBL')!;
    expect(fgbl.slice(11, 15)).toEqual([-35, -30, -5, 'Quantity must match exactly']);
  });

  it('refuses a bad filter or format with the fix, an export over the cap, and a visitor without a session', async () => {
    expect(await status(get(app, people.vic, { filter: '{not json' }))).toMatchObject({ status: 400, message: expect.stringMatching(/as JSON/) });
    expect(await status(get(app, people.vic, { filter: JSON.stringify({ kind: ['nope'] }) }))).toMatchObject({ status: 400, message: expect.stringMatching(/^filter\.kind/) });
    expect(await status(get(app, people.vic, { format: 'pdf' }))).toMatchObject({ status: 400, message: expect.stringMatching(/csv or xlsx/) });
    expect(await status(get(app, null, {}))).toMatchObject({ status: 401 });
    expect(await exportBreaks({ app, filter: { runId }, format: 'csv', maxRows: 3 })).toMatchObject({ ok: false, problem: { code: 'export-too-large', message: expect.stringMatching(/matches 4 breaks; an export holds at most 3\. Narrow it/) } });
  });
});
