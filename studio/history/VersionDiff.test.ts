import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import VersionDiff from './VersionDiff.svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const recon = (): any => JSON.parse(readFileSync(path.resolve(__dirname, '../../templates/etd-position-recon/template.json'), 'utf8'));
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('VersionDiff', () => {
  afterEach(cleanup);

  it('groups the changes by section and shows a changed formula inline: added in green, removed struck through', () => {
    const after = recon();
    after.mappings.broker[0].formula = 'TRIM(UPPER([Acct]))';
    after.mappings.broker.splice(2, 0, { target: 'Clearer', formula: '"ABC"' });
    after.match.rules[1].value = 2;
    render(VersionDiff, { before: recon(), after, beforeLabel: 'v2 (active)', afterLabel: 'v3 (draft)' });

    expect(text(screen.getByTestId('diff-total'))).toBe('3 changes from v2 (active) to v3 (draft)');
    const mappings = screen.getByRole('region', { name: 'Mappings' });
    const [changed, added] = within(mappings).getAllByRole('listitem');
    expect(text(changed.querySelector('.label'))).toBe('broker › Account');
    expect([...changed.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['UPPER(', ')']);
    expect(changed.querySelectorAll('del')).toHaveLength(0);
    expect(text(changed.querySelector('.inline-diff'))).toBe('TRIM(UPPER([Acct]))');
    expect(added.querySelector('[data-change]')?.getAttribute('data-change')).toBe('added');
    expect(text(added.querySelector('dd ins'))).toBe('"ABC"');

    const rules = screen.getByRole('region', { name: 'Rules' });
    expect(text(rules.querySelector('dd.old'))).toBe('Price may differ by up to 1 tick (tick size by Product from the Ticks table)');
    expect(text(rules.querySelector('dd.new'))).toBe('Price may differ by up to 2 ticks (tick size by Product from the Ticks table)');
    expect(text(rules.querySelector('.details li'))).toBe('value 1 → 2');
  });

  it('shows the removed part of a formula struck through, and summarised reference table rows', () => {
    const after = recon();
    after.mappings.internal[2].formula = '[Product]';
    after.referenceTables.Ticks.rows.push(['ZB', 0.03125], ['ZF', 0.0078125], ['SR3', 0.005]);
    render(VersionDiff, { before: recon(), after, beforeLabel: 'v1', afterLabel: 'v2' });
    const mapping = screen.getByRole('region', { name: 'Mappings' });
    expect([...mapping.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['UPPER(', ')']);
    expect(mapping.querySelectorAll('ins')).toHaveLength(0);
    const tables = screen.getByRole('region', { name: 'Reference tables' });
    expect(text(tables.querySelector('.summary'))).toBe('3 rows added');
    expect(within(tables).getAllByText(/^(ZB|ZF|SR3) ·/)).toHaveLength(3);
  });

  it('says "No differences" when the versions have the same content', () => {
    render(VersionDiff, { before: recon(), after: recon(), beforeLabel: 'v4', afterLabel: 'v5' });
    expect(text(screen.getByTestId('no-differences'))).toBe('No differences v4 and v5 have the same content.');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('says which version cannot be read, and still shows the whole-document difference', () => {
    render(VersionDiff, { before: 'not a template', after: recon(), beforeLabel: 'v1', afterLabel: 'v2' });
    expect(text(screen.getByRole('alert'))).toMatch(/^v1: The document is a string, not a template object/);
    expect(text(screen.getByRole('region', { name: 'Settings' }).querySelector('.label'))).toBe('Whole document');
  });
});
