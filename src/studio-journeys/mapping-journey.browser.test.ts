/**
 * Journey 1 of issue #7, in real Chromium against the production build: an analyst uploads a
 * broker positions file, builds a mapping template over it in the editor (formulas typed into
 * Monaco, preview values in the grid, a validation with its live failure count and highlighted
 * rows), undoes and redoes an edit, and saves a version that the versions page then lists.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTarget, createTemplate, formulaBar, formulaText, gridCell, hydrated, pickSample, poll, journeyHooks, shot, startStudio, typeFormula, uploadCsv, type Person, type Session, type Studio } from './journey-steps';

const ANALYST: Person = { email: 'mapping-analyst@firm.com', password: 'Lantern-Quarry-Mosaic-5120', role: 'analyst' };
const FILE = 'acme-broker-positions.csv';
/** How the grid paints a row a validation fails on. */
const AMBER = 'rgb(255, 244, 221)';
/** How it paints an error value. */
const RED = 'rgb(253, 232, 231)';

/** 30 broker position rows: messy account codes, three zero quantities and one unreadable price. */
function positionsCsv(): string {
  const lines = [
    'Trade Id,Account,Product,Quantity,Price',
    'T-0001, acc-101 ,ESZ6,25,6012.25',
    'T-0002,Acc-102,NQZ6,-4,21480.50',
    'T-0003,acc-101,FGBLZ6,35,131.42',
    'T-0004,ACC-103 ,ESZ6,0,6011.75',
    'T-0005, acc-104,ZNZ6,12,112.515625',
  ];
  const products = [['ESZ6', 6010], ['NQZ6', 21470], ['FGBLZ6', 131.1], ['ZNZ6', 112.5]] as const;
  for (let i = 6; i <= 30; i++) {
    const [product, base] = products[i % products.length];
    const quantity = i === 17 ? 0 : ((i * 7) % 23) - 8;
    const price = i === 23 ? 'n/a' : (base + (i % 5) * 0.25).toFixed(2);
    lines.push(`T-${String(i).padStart(4, '0')},acc-${100 + (i % 6)},${product},${quantity},${price}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('journey 1: a mapping template from an uploaded file (production build, real Chromium)', () => {
  let studio: Studio;
  let session: Session;
  let page: Page;
  let templateUrl = '';

  const grid = () => page.getByTestId('data-grid');
  // T-00NN is on line NN + 1 of the file (line 1 is the header), and the grid numbers rows by line.
  const cell = (tradeId: string, column: string) => gridCell(grid(), { line: Number(tradeId.slice(2)) + 1, column });
  const cellText = async (tradeId: string, column: string) => (await cell(tradeId, column))?.text;

  /** Scrolls the grid (Handsontable renders only the rows and columns in view). */
  async function scrollGrid(to: { top?: 'start' | 'end'; left?: 'start' }): Promise<void> {
    await grid().locator('.ht_master .wtHolder').evaluate((el, to) => el.scrollTo({
      ...(to.top ? { top: to.top === 'start' ? 0 : el.scrollHeight } : {}),
      ...(to.left ? { left: 0 } : {}),
    }), to);
  }

  beforeAll(async () => {
    studio = await startStudio({ prefix: 'journey-mapping', people: [ANALYST] });
    session = await studio.signIn(ANALYST);
    page = session.page;
  });

  journeyHooks('journey1', () => page);

  afterAll(async () => {
    await studio?.stop();
  });

  it('uploads the broker file and opens a new mapping template on it', async () => {
    await uploadCsv(page, studio.url, { name: FILE, csv: positionsCsv(), rows: 30 });
    templateUrl = await createTemplate(page, studio.url, { name: 'Broker positions clean-up', kind: 'mapping' });
    await poll(() => page.getByTestId('no-sample').isVisible()).toBe(true);
    await pickSample(page, { file: FILE, rows: 30 });
    await poll(() => grid().getAttribute('data-rows')).toBe('30');
    await poll(() => cellText('T-0002', 'Account')).toBe('Acc-102');
    expect(session.errors).toEqual([]);
  });

  it('types two target formulas in Monaco and sees their values in the grid', async () => {
    await addTarget(page, { name: 'Notional', formula: 'ROUND([Quantity]*[Price], 2)' });
    await poll(() => cellText('T-0001', 'Notional')).toBe('150306.25');
    expect(await cellText('T-0002', 'Notional')).toBe('-85922');
    expect(await cellText('T-0003', 'Notional')).toBe('4599.7');
    expect(await cellText('T-0005', 'Notional')).toBe('1350.19');
    await poll(() => page.getByTestId('preview-status').textContent()).toBe('number');
    // The unreadable price of T-0023 (file line 24) is an error value, counted and explained.
    expect(await page.getByTestId('preview-errors').textContent()).toBe('1 error');
    expect(await page.getByTestId('preview-errors').getAttribute('title')).toBe('line 24: #VALUE! (a value of the wrong type, e.g. text where a number is needed)');
    await scrollGrid({ top: 'end' });
    await poll(async () => (await cell('T-0023', 'Notional'))?.className ?? '').toContain('op-error');
    expect(await cell('T-0023', 'Notional')).toMatchObject({ text: '#VALUE!', background: RED, title: '#VALUE!: a value of the wrong type, e.g. text where a number is needed' });
    await scrollGrid({ top: 'start' });

    await addTarget(page, { name: 'Account Code', formula: 'UPPER(TRIM([Account]))' });
    await poll(() => cellText('T-0001', 'Account Code')).toBe('ACC-101');
    expect(await cellText('T-0002', 'Account Code')).toBe('ACC-102');
    expect(await cellText('T-0004', 'Account Code')).toBe('ACC-103');
    expect(await cellText('T-0005', 'Account Code')).toBe('ACC-104');
    await poll(() => page.getByTestId('preview-status').textContent()).toBe('text');
    await poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    await shot(page, 'journey1-editor-preview');
    expect(session.errors).toEqual([]);
  });

  it('adds a validation and sees its failure count and the failing rows highlighted', async () => {
    await page.getByRole('tab', { name: 'Validations' }).click();
    const form = page.getByRole('form', { name: 'Add a validation rule' });
    await form.getByLabel('Name').fill('Quantity not zero');
    await form.getByLabel('Formula of the new rule').fill('[Quantity] <> 0');
    await form.getByLabel('Message').fill('Quantity is zero: a position needs a quantity; check the broker file');
    await form.getByRole('button', { name: 'Add rule' }).click();

    const status = page.getByRole('button', { name: 'Show the 3 rows failing Quantity not zero' });
    await poll(() => status.textContent()).toContain('3 failing');
    await scrollGrid({ left: 'start' });
    await poll(async () => (await cell('T-0004', 'Trade Id'))?.className ?? '').toContain('op-warning');
    const failing = await cell('T-0004', 'Quantity');
    expect(failing?.className).toContain('op-warning');
    expect(failing?.title).toBe('Fails Quantity not zero (error): Quantity is zero: a position needs a quantity; check the broker file');
    expect(failing?.background).toBe(AMBER);
    const passing = await cell('T-0003', 'Quantity');
    expect(passing?.className).not.toContain('op-warning');
    expect(passing?.background).not.toBe(AMBER);
    await shot(page, 'journey1-validation');

    // The failing rows only, from the count.
    await status.click();
    await poll(() => grid().getAttribute('data-rows')).toBe('3');
    await poll(() => cellText('T-0017', 'Quantity')).toBe('0');
    await page.getByTestId('preview-rows').selectOption('all');
    await poll(() => grid().getAttribute('data-rows')).toBe('30');
    expect(session.errors).toEqual([]);
  });

  it('undoes and redoes a formula edit with the Undo and Redo buttons', async () => {
    await page.getByRole('tablist', { name: 'Target columns' }).getByRole('tab', { name: 'Notional', exact: true }).click();
    const editor = formulaBar(page);
    await poll(() => formulaText(editor)).toBe('ROUND([Quantity]*[Price], 2)');
    await typeFormula(editor, 'ROUND([Quantity]*[Price], 0)', { paste: true });
    await poll(() => cellText('T-0001', 'Notional')).toBe('150306');

    const undo = page.getByRole('button', { name: 'Undo: edit formula Notional' });
    await undo.click();
    await poll(() => formulaText(editor)).toBe('ROUND([Quantity]*[Price], 2)');
    await poll(() => cellText('T-0001', 'Notional')).toBe('150306.25');

    await page.getByRole('button', { name: 'Redo: edit formula Notional' }).click();
    await poll(() => formulaText(editor)).toBe('ROUND([Quantity]*[Price], 0)');
    await poll(() => cellText('T-0001', 'Notional')).toBe('150306');
    expect(session.errors).toEqual([]);
  });

  it('pastes two targets copied from Excel at once, and one undo takes both back', async () => {
    await page.getByTestId('paste-targets').click();
    await page.getByTestId('formula-paste-text').fill('Target\tFormula\nSide\tIF([Quantity] < 0, "S", "B")\nQty Abs\t=ABS([Quantity])');
    await poll(() => page.getByTestId('formula-paste-summary').textContent()).toBe('2 targets: Side, Qty Abs');
    await page.getByRole('button', { name: 'Add 2 targets' }).click();
    const chips = () => page.getByRole('tablist', { name: 'Target columns' }).getByRole('tab').allTextContents();
    await poll(chips).toEqual(['Notional', 'Account Code', 'Side', 'Qty Abs']);
    await poll(() => cellText('T-0002', 'Side')).toBe('S');
    expect(await cellText('T-0001', 'Side')).toBe('B');
    await poll(() => cellText('T-0002', 'Qty Abs')).toBe('4');
    await shot(page, 'journey1-pasted-targets');

    await page.getByRole('button', { name: 'Undo: paste 2 formulas' }).click();
    await poll(chips).toEqual(['Notional', 'Account Code']);
    expect(session.errors).toEqual([]);
  });

  it('saves a version with a message, and the versions page lists it', async () => {
    await page.getByTestId('save-version').click();
    const confirm = page.getByTestId('save-version-confirm');
    expect(await confirm.isDisabled(), 'a version needs a message').toBe(true);
    await page.getByTestId('version-message').fill('Notional and account code, quantity check');
    await confirm.click();
    const outcome = page.getByTestId('save-version-outcome');
    await poll(() => outcome.textContent()).toMatch(/Saved as version 2\. Submit it for approval on the versions page\./);
    expect(await page.getByTestId('latest-version').textContent()).toBe('v2 · draft');
    await poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    await shot(page, 'journey1-saved');

    await outcome.getByRole('link', { name: 'Submit it for approval' }).click();
    await page.waitForURL(`${templateUrl}/versions`);
    await hydrated(page);
    const row = page.locator('tr[data-version="2"]');
    expect(await row.getByTestId('status').textContent()).toBe('draft');
    expect(await row.textContent()).toContain('Notional and account code, quantity check');
    expect(await row.textContent()).toContain(ANALYST.email);
    expect(await page.getByTestId('compare').textContent()).toContain('ROUND([Quantity]*[Price], 0)');
    await shot(page, 'journey1-versions');
    expect(session.errors).toEqual([]);
  });
});
