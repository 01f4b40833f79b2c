/**
 * Journey 1 of issue #7, in real Chromium against the production build: an analyst uploads a
 * broker positions file, builds a mapping template over it in the editor (formulas typed into
 * Monaco, preview values in the grid, a validation with its live failure count and highlighted
 * rows), undoes and redoes an edit, and saves a version that the versions page then lists.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate, formulaText, gridCell, open, pickSample, poll, screenshotOnFailure, shot, startStudio, typeFormula, uploadCsv, type Person, type Session, type Studio } from './journey-steps';

const ANALYST: Person = { email: 'mapping-analyst@firm.com', password: 'Lantern-Quarry-Mosaic-5120', role: 'analyst' };
const FILE = 'acme-broker-positions.csv';

/** 30 broker position rows: messy account codes, two zero quantities and one unreadable price. */
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
  const formulaBar = () => page.locator('.main [data-testid=formula-editor]');
  const cell = (tradeId: string, column: string) => gridCell(grid(), { key: 'Trade Id', keyValue: tradeId, column });
  const cellText = async (tradeId: string, column: string) => (await cell(tradeId, column))?.text;

  async function addTarget(name: string, formula: string): Promise<void> {
    await page.getByTestId('add-target').click();
    const nameInput = page.getByTestId('target-name');
    await poll(() => nameInput.inputValue()).toMatch(/^Column \d+$/);
    await nameInput.fill(name);
    await nameInput.press('Enter');
    await poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
    await typeFormula(formulaBar(), formula);
  }

  beforeAll(async () => {
    studio = await startStudio({ prefix: 'journey-mapping', people: [ANALYST] });
    session = await studio.signIn(ANALYST);
    page = session.page;
  });

  screenshotOnFailure('journey1', () => page);

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
    await addTarget('Notional', 'ROUND([Quantity]*[Price], 2)');
    await poll(() => cellText('T-0001', 'Notional')).toBe('150306.25');
    expect(await cellText('T-0002', 'Notional')).toBe('-85922');
    expect(await cellText('T-0003', 'Notional')).toBe('4599.7');
    expect(await cellText('T-0005', 'Notional')).toBe('1350.19');
    await poll(() => page.getByTestId('preview-status').textContent()).toBe('number');

    await addTarget('Account Code', 'UPPER(TRIM([Account]))');
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

    const status = page.getByRole('button', { name: 'Show the 2 rows failing Quantity not zero' });
    await poll(() => status.textContent()).toContain('2 failing');
    await poll(async () => (await cell('T-0004', 'Notional'))?.className ?? '').toContain('op-warning');
    const failing = await cell('T-0004', 'Quantity');
    expect(failing?.className).toContain('op-warning');
    expect(failing?.title).toBe('Fails Quantity not zero (error): Quantity is zero: a position needs a quantity; check the broker file');
    expect((await cell('T-0003', 'Quantity'))?.className).not.toContain('op-warning');
    await grid().locator('td.op-warning').first().hover();
    await shot(page, 'journey1-validation');

    // The failing rows only, from the count.
    await status.click();
    await poll(() => grid().getAttribute('data-rows')).toBe('2');
    await poll(() => cellText('T-0017', 'Quantity')).toBe('0');
    await page.getByTestId('preview-rows').selectOption('all');
    await poll(() => grid().getAttribute('data-rows')).toBe('30');
    expect(session.errors).toEqual([]);
  });

  it('undoes and redoes a formula edit with the Undo and Redo buttons', async () => {
    await page.getByRole('tab', { name: 'Notional', exact: true }).click();
    const editor = formulaBar();
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

  it('saves a version with a message, and the versions page lists it', async () => {
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-message').fill('Notional and account code, quantity check');
    await page.getByTestId('save-version-confirm').click();
    const outcome = page.getByTestId('save-version-outcome');
    await poll(() => outcome.textContent()).toMatch(/^Saved as version (\d+)\./);
    const version = Number((await outcome.textContent())!.match(/version (\d+)/)![1]);
    await shot(page, 'journey1-saved');

    await open(page, `${templateUrl}/versions`);
    const row = page.locator(`tr[data-version="${version}"]`);
    expect(await row.getByTestId('status').textContent()).toBe('draft');
    expect(await row.textContent()).toContain('Notional and account code, quantity check');
    expect(await row.textContent()).toContain(ANALYST.email);
    await shot(page, 'journey1-versions');
    expect(session.errors).toEqual([]);
  });
});
