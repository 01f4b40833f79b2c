/**
 * Journey 2 of issue #7, in real Chromium against the production build: an analyst reconciles
 * internal ETD positions with the broker's, with a price tolerance in ticks looked up per
 * product. Built in the editor, saved, submitted, approved by a second person (maker-checker),
 * run from /runs/new, and its breaks reviewed: two resolved in bulk by the approver, and the
 * filtered view exported as CSV.
 *
 * The template starts as an imported JSON naming the two sources (import is one of the list's
 * features); the tick table, targets, keys and rules are built in the editor.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTarget, hydrated, open, pickSample, poll, journeyHooks, shot, startStudio, uploadCsv, type Person, type Session, type Studio } from './journey-steps';
import { brokerCsv, internalCsv, RECON_TEMPLATE, TICK_TABLE_PASTE } from './recon-journey-data';

const ANALYST: Person = { email: 'recon-analyst@firm.com', password: 'Harbor-Cobalt-Thistle-6251', role: 'analyst' };
const APPROVER: Person = { email: 'recon-approver@firm.com', password: 'Juniper-Falcon-Ledger-9037', role: 'approver' };
const INTERNAL = 'acme-internal-etd.csv';
const BROKER = 'acme-broker-etd.csv';

describe('journey 2: a recon template with tick tolerances, approved, run and reviewed (production build, real Chromium)', () => {
  let studio: Studio;
  let analyst: Session;
  let approver: Session;
  let page: Page;
  let templateUrl = '';
  let breaksUrl = '';

  beforeAll(async () => {
    studio = await startStudio({ prefix: 'journey-recon', people: [ANALYST, APPROVER] });
    analyst = await studio.signIn(ANALYST);
    page = analyst.page;
  });

  journeyHooks('journey2', () => page);

  afterAll(async () => {
    await studio?.stop();
  });

  it('uploads both position files and imports the template naming its two sources', async () => {
    await uploadCsv(page, studio.url, { name: INTERNAL, csv: internalCsv(), rows: 20 });
    await uploadCsv(page, studio.url, { name: BROKER, csv: brokerCsv(), rows: 20 });
    await shot(page, 'journey2-data');
    await open(page, `${studio.url}/templates`);
    await page.getByTestId('import-template').locator('input[type=file]').setInputFiles({ name: 'etd-recon.template.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(RECON_TEMPLATE)) });
    await page.getByRole('button', { name: 'Import JSON' }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/edit$/);
    await hydrated(page);
    templateUrl = page.url().replace(/\/edit$/, '');
    expect(await page.locator('h1').textContent()).toBe('ETD positions recon');
    expect(analyst.errors).toEqual([]);
  });

  it('picks each source\'s sample and maps the compared columns on both sides', async () => {
    await pickSample(page, { source: 'internal', file: INTERNAL, rows: 20 });
    await pickSample(page, { source: 'broker', file: BROKER, rows: 20 });
    const sourceTabs = page.getByRole('tablist', { name: 'Sources' });
    for (const [source, targets] of [
      ['internal', [['Product', '[Product]'], ['Quantity', '[Quantity]'], ['Price', '[Price]']]],
      ['broker', [['Product', 'TRIM([Product])'], ['Quantity', '[Qty]'], ['Price', '[Settle Price]']]],
    ] as const) {
      await sourceTabs.getByRole('tab', { name: source }).click();
      await poll(() => page.getByTestId('data-grid').getAttribute('data-rows')).toBe('20');
      for (const [name, formula] of targets) await addTarget(page, { name, formula });
    }
    await poll(() => page.getByTestId('preview-status').textContent()).toBe('number');
    await shot(page, 'journey2-editor-targets');
    expect(analyst.errors).toEqual([]);
  });

  it('sets up matching: two key parts, a tick tolerance on Price from the tick table, Quantity exact', async () => {
    // The tick sizes, pasted from Excel into the Tables tab.
    await page.getByRole('tab', { name: 'Tables', exact: true }).click();
    await page.getByTestId('table-name').fill('TickSizes');
    await page.getByTestId('table-text').fill(TICK_TABLE_PASTE);
    await page.getByTestId('table-save').click();
    await poll(() => page.getByTestId('reference-table-TickSizes').textContent()).toContain('Product, Tick');
    await page.getByRole('tab', { name: 'Match', exact: true }).click();
    // The placeholder key goes; two real key parts come in its place.
    await page.getByRole('button', { name: 'Remove key Key' }).click();
    await page.getByText('A match needs at least one key part: add one below.').waitFor();
    const addKey = page.getByRole('form', { name: 'Add a key part' });
    for (const [key, brokerColumn] of [['Account', 'Acct'], ['Contract', 'Contract Code']]) {
      await addKey.getByLabel('New key part').fill(key);
      await addKey.getByRole('button', { name: 'Add key part' }).click();
      await page.getByLabel(`Column of broker for key ${key}`).selectOption(brokerColumn);
      await poll(() => page.getByLabel(`Key sentence for ${key}`).textContent()).toBe(`${key}: internal [${key}] = broker [${brokerColumn}], trimmed`);
    }

    const addRule = page.getByRole('group', { name: 'Add rule', exact: true });
    await addRule.getByLabel('Field for new rule').selectOption('Price');
    await addRule.getByLabel('Tolerance for new rule').selectOption({ label: 'Ticks' });
    await addRule.getByLabel('Value for new rule').fill('1');
    // A ticks rule needs to know the tick size: refused, with where to get it from.
    await addRule.getByRole('button', { name: 'Add rule', exact: true }).click();
    await poll(() => addRule.getByRole('alert').textContent()).toContain('Price has no tick size: pick a tick table (looked up by product), a column holding the tick size, or enter one fixed tick size.');
    await addRule.getByLabel('Tick table for new rule').selectOption('TickSizes');
    await addRule.getByRole('button', { name: 'Add rule', exact: true }).click();
    await poll(() => page.getByLabel('Rule sentence for Price rule').textContent()).toBe('Price may differ by up to 1 tick (tick size by Product from the TickSizes table)');

    await addRule.getByLabel('Field for new rule').selectOption('Quantity');
    await addRule.getByLabel('Tolerance for new rule').selectOption('exact');
    await addRule.getByRole('button', { name: 'Add rule', exact: true }).click();
    await page.getByLabel('Rule sentence for Quantity rule').waitFor();
    await poll(() => page.getByRole('tab', { name: /^Problems/ }).textContent()).toBe('Problems');
    // The live match rate on the samples says what the run will find.
    const live = page.getByRole('region', { name: 'Live match rate' });
    await poll(() => live.getByTestId('breaks').textContent()).toBe('4');
    expect({ matched: await live.getByTestId('matched').textContent(), perfect: await live.getByTestId('perfect').textContent(), within: await live.getByTestId('within-tolerance').textContent() })
      .toEqual({ matched: '17', perfect: '16', within: '1' });
    await page.locator('.side-body').evaluate((el) => el.scrollTo({ top: 0 }));
    await shot(page, 'journey2-match-keys');
    await page.getByLabel('Rule sentence for Price rule').scrollIntoViewIfNeeded();
    await shot(page, 'journey2-match-rules');
    expect(analyst.errors).toEqual([]);
  });

  it('saves a version and submits it; the approver approves it in their own session', async () => {
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-message').fill('ETD positions: keys, tick tolerance on price, exact quantity');
    await page.getByTestId('save-version-confirm').click();
    await poll(() => page.getByTestId('save-version-outcome').textContent()).toContain('Saved as version 2.');
    await shot(page, 'journey2-saved');

    await open(page, `${templateUrl}/versions`);
    const mine = page.locator('tr[data-version="2"]');
    await mine.getByRole('button', { name: 'Submit for approval' }).click();
    await poll(() => mine.getByTestId('status').textContent()).toBe('submitted');
    expect(await mine.textContent(), 'maker-checker: the author cannot approve').toContain('Waiting for another approver');
    expect(await mine.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    approver = await studio.signIn(APPROVER);
    await open(approver.page, `${templateUrl}/versions`);
    const theirs = approver.page.locator('tr[data-version="2"]');
    await theirs.getByRole('button', { name: 'Approve' }).click();
    await poll(() => theirs.getByTestId('status').textContent()).toBe('approved');
    expect(await theirs.textContent()).toContain(APPROVER.email);
    await shot(approver.page, 'journey2-approved');
    expect(analyst.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
  });

  it('starts a run on the two files and watches it finish', async () => {
    await open(page, `${studio.url}/runs/new`);
    const version = page.getByTestId('run-version');
    expect(await version.locator('option:checked').textContent()).toBe('ETD positions recon v2 · approved');
    for (const [source, file] of [['internal', INTERNAL], ['broker', BROKER]]) {
      const select = page.getByTestId(`run-source-${source}`);
      await select.selectOption((await select.locator('option', { hasText: `${file} · ` }).getAttribute('value'))!);
    }
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await hydrated(page);
    await poll(() => page.getByTestId('run-status').textContent()).toBe('succeeded');
    expect(await page.getByTestId('run-progress').count(), 'the progress bar is gone once the run is done').toBe(0);
    const review = page.getByTestId('review-breaks');
    await poll(() => review.textContent()).toBe('Review 4 breaks');
    expect(await page.getByTestId('run-lineage').textContent()).toContain(INTERNAL);
    await shot(page, 'journey2-run');

    await review.click();
    await page.waitForURL(/\/breaks\?filter=/);
    await hydrated(page);
    breaksUrl = page.url();
    const rows = page.locator('tr.break');
    await poll(() => rows.count()).toBe(4);
    const keys = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label')));
    expect(keys.sort()).toEqual([
      'Break ACC-2 / ESZ6, Field difference, open', 'Break ACC-2 / NQZ6, Field difference, open',
      'Break ACC-3 / ZNH7, Only in internal, open', 'Break ACC-4 / ESH7, Only in broker, open',
    ]);
    // One tick apart on ZN (0.015625) is within the rule: no break for ACC-1 / ZNZ6.
    // Resolving is the approver's: the analyst sees why it is not offered.
    await page.getByLabel('Select break ACC-2 / ESZ6').check();
    const resolve = page.getByTestId('bulk-actions').getByRole('button', { name: 'Resolve' });
    expect(await resolve.isDisabled()).toBe(true);
    expect(await page.getByTestId('bulk-actions').textContent()).toContain('Your role cannot resolve or reopen breaks; an approver or admin can.');
    await shot(page, 'journey2-breaks-analyst');
    expect(analyst.errors).toEqual([]);
  });

  it('the approver resolves two breaks with a reason and exports the resolved view as CSV', async () => {
    page = approver.page;
    await open(page, breaksUrl);
    for (const key of ['ACC-2 / ESZ6', 'ACC-2 / NQZ6']) await page.getByLabel(`Select break ${key}`).check();
    const bulk = page.getByTestId('bulk-actions');
    await poll(() => bulk.textContent()).toContain('2 breaks selected');
    await bulk.getByRole('button', { name: 'Resolve' }).click();
    const form = page.getByRole('form', { name: 'Resolve selected breaks' });
    await form.getByLabel('Reason').selectOption('counterparty-error');
    await form.getByRole('textbox').fill('Broker booked the wrong settle price and quantity; corrected on their side.');
    await form.getByRole('button', { name: 'Resolve 2 breaks' }).click();
    await poll(() => bulk.textContent()).toContain('Resolved 2 breaks.');
    for (const key of ['ACC-2 / ESZ6', 'ACC-2 / NQZ6']) await page.getByRole('row', { name: new RegExp(`^Break ${key}, .*, resolved$`) }).waitFor();
    await page.getByRole('row', { name: /^Break ACC-3 \/ ZNH7, .*, open$/ }).waitFor();
    await shot(page, 'journey2-resolved');

    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^resolved/ }).click();
    await page.waitForURL(/resolved/);
    await poll(() => page.locator('tr.break').count()).toBe(2);
    await shot(page, 'journey2-resolved-view');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\r\n').map((l) => l.split(','));
    expect(header.slice(0, 9)).toEqual(['id', 'run_id', 'kind', 'Account', 'Contract', 'status', 'assignee', 'severity', 'cluster']);
    expect(lines.map((l) => [l[2], l[3], l[4], l[5], l.at(-2)]).sort()).toEqual([
      ['field', 'ACC-2', 'ESZ6', 'resolved', 'counterparty-error'],
      ['field', 'ACC-2', 'NQZ6', 'resolved', 'counterparty-error'],
    ]);
    const price = header.indexOf('Price_internal');
    expect(lines.find((l) => l[4] === 'ESZ6')!.slice(price, price + 2)).toEqual(['6010', '6010.5']);
    expect(approver.errors).toEqual([]);
  });
});
