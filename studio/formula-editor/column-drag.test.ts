import { describe, expect, it } from 'vitest';
import { acceptsDrag, columnDragData, COLUMN_MIME, droppedText, setColumnDragData } from './column-drag';

/** jsdom has no DataTransfer: the smallest one that stores what is set. */
function transfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    effectAllowed: 'all',
    get types() {
      return [...data.keys()];
    },
    setData: (t: string, v: string) => void data.set(t, v),
    getData: (t: string) => data.get(t) ?? '',
  } as unknown as DataTransfer;
}

describe('column drag data', () => {
  it('carries the reference as the column type and as plain text', () => {
    expect(columnDragData('[Trade Price]')).toEqual({ [COLUMN_MIME]: '[Trade Price]', 'text/plain': '[Trade Price]' });
    const dt = transfer();
    setColumnDragData({ dataTransfer: dt, reference: '[broker!Qty]' });
    expect(dt.effectAllowed).toBe('copy');
    expect(acceptsDrag(dt.types)).toBe(true);
    expect(droppedText(dt)).toBe('[broker!Qty]');
  });

  it('prefers the column reference, takes plain text, and refuses anything else', () => {
    const dt = transfer();
    dt.setData('text/plain', 'Trade Price');
    expect(droppedText(dt)).toBe('Trade Price');
    dt.setData(COLUMN_MIME, '[Trade Price]');
    expect(droppedText(dt)).toBe('[Trade Price]');
    expect(acceptsDrag(['Files'])).toBe(false);
    expect(acceptsDrag(['text/html'])).toBe(false);
  });
});
