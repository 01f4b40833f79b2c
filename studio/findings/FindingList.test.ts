import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FindingList from './FindingList.svelte';

describe('FindingList', () => {
  afterEach(cleanup);

  it('shows each finding with the file, line and column it points at', () => {
    render(FindingList, {
      findings: [
        { code: 'ragged-row', severity: 'warning', message: 'Line 3 has 2 fields but the header has 3.', location: { source: 'pos.csv', row: 3 } },
        { code: 'bad-number', severity: 'error', message: 'Not a number.', location: { source: 'pos.csv', row: 9, column: 'Qty' } },
        { code: 'binary-file', severity: 'error', message: 'pos.csv looks like a binary file, not CSV.', location: { source: 'pos.csv' } },
      ],
    });
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'pos.csv, line 3: Line 3 has 2 fields but the header has 3.',
      'pos.csv, line 9, column Qty: Not a number.',
      'pos.csv looks like a binary file, not CSV.',
    ]);
    expect(items[1].className).toContain('error');
  });

  it('points a template finding at its JSON path', () => {
    render(FindingList, { findings: [{ code: 'template-invalid', severity: 'error', message: 'Invalid option.', location: { source: 'bad.template.json', path: '$.sources[0].format' } }] });
    expect(screen.getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim()).toBe('bad.template.json, at $.sources[0].format: Invalid option.');
  });

  it('renders nothing when there are no findings', () => {
    const { container } = render(FindingList, { findings: [] });
    expect(container.querySelector('ul')).toBeNull();
  });
});
