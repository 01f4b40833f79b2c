/**
 * Numbers as the run summary charts say them. A rate never rounds to a claim the data does not
 * support: 99.96% matched reads "99.9%", not "100%", and one break in a million is "<0.1%", not "0%".
 */
export function formatPercent(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0%';
  if (rate >= 1) return '100%';
  const text = (rate * 100).toFixed(1);
  if (text === '100.0') return '99.9%';
  if (text === '0.0') return '<0.1%';
  return `${text}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Shortens a label to `max` characters with an ellipsis; the full text goes in a tooltip and the table. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** One bar of a BarChart. */
export interface BarDatum {
  readonly label: string;
  readonly value: number;
  /** What a click selects (a kind, a field, a cluster signature); bars without a key are not clickable. */
  readonly key?: string;
  /** A second line of detail for the tooltip and the table ("3 within tolerance"). */
  readonly hint?: string;
  readonly tone?: 'accent' | 'danger' | 'warn' | 'ok' | 'muted';
}
