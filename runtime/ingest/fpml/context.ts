/**
 * What a product extractor works with: the document (for href resolution), the row being built,
 * and typed setters that turn FpML text into column values, recording a finding (never throwing)
 * when a value does not parse. Findings about a trade carry row = the trade's 1-based index (the
 * same number as the Table's row origin) and the column the value was meant for.
 */
import { serialFromDateTime, serialFromYmd } from '../../formula/library/dates';
import type { Finding, Severity } from '../finding';
import type { ColumnName, TradeRow } from './columns';
import type { FpmlDocument } from './document';
import { partyKey } from './parties';
import { attr, text, type XNode } from './xml';

export interface TradeContext {
  readonly doc: FpmlDocument;
  readonly trade: XNode;
  /** 1-based index of the trade in the file. */
  readonly index: number;
  readonly row: TradeRow;
  readonly findings: Finding[];
}

export function report(ctx: TradeContext, code: string, severity: Severity, message: string, column?: ColumnName): void {
  const line = ctx.doc.tradeLines[ctx.index - 1];
  const where = line ? ` (trade ${ctx.index}, line ${line})` : ` (trade ${ctx.index})`;
  ctx.findings.push({ code, severity, message: message + where, location: { source: ctx.doc.source, row: ctx.index, ...(column ? { column } : {}) } });
}

/** Sets a text column unless the value is blank or the column is already set. */
export function setText(ctx: TradeContext, column: ColumnName, value: string | undefined): void {
  if (value !== undefined && value !== '' && !ctx.row.has(column)) ctx.row.set(column, value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

export function setNumber(ctx: TradeContext, column: ColumnName, value: string | undefined, element: string): void {
  if (value === undefined || ctx.row.has(column)) return;
  const n = parseNumber(value);
  if (n === undefined || !Number.isFinite(n)) {
    report(ctx, 'fpml-bad-number', 'warning', `${element} holds "${value}", which is not a number; ${column} is left blank.`, column);
    return;
  }
  ctx.row.set(column, n);
}

const DATE = /^(-?\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

/** xs:date → Excel serial; the time-zone suffix, if any, is ignored. */
export function parseDate(s: string | undefined): number | undefined {
  const m = s === undefined ? null : DATE.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return undefined;
  const serial = serialFromYmd(y, mo, d);
  return serialFromYmd(y, mo + 1, 1) > serial ? serial : undefined; // 2021-02-30 overflows into March
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** xs:dateTime → Excel serial in UTC (an offset is applied; no offset is taken as UTC). */
export function parseDateTime(s: string | undefined): number | undefined {
  const m = s === undefined ? null : DATETIME.exec(s.trim());
  if (!m) return undefined;
  const day = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === undefined) return undefined;
  let serial = serialFromDateTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]) + Number(m[7] ?? 0));
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    serial -= (sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)))) / 1440;
  }
  return serial;
}

export function setDate(ctx: TradeContext, column: ColumnName, value: string | undefined, element: string): void {
  if (value === undefined || ctx.row.has(column)) return;
  const serial = parseDate(value);
  if (serial === undefined) {
    report(ctx, 'fpml-bad-date', 'warning', `${element} holds "${value}", which is not a date (YYYY-MM-DD); ${column} is left blank.`, column);
    return;
  }
  ctx.row.set(column, serial);
}

export function setDateTime(ctx: TradeContext, column: ColumnName, value: string | undefined, element: string): void {
  if (value === undefined || ctx.row.has(column)) return;
  const serial = parseDateTime(value);
  if (serial === undefined) {
    report(ctx, 'fpml-bad-date', 'warning', `${element} holds "${value}", which is not a date-time (YYYY-MM-DDThh:mm:ss); ${column} is left blank.`, column);
    return;
  }
  ctx.row.set(column, serial);
}

/** An FpML period (periodMultiplier + period) as "6M"; undefined when either part is missing. */
export function period(node: XNode | undefined): string | undefined {
  const m = text(node, 'periodMultiplier');
  const p = text(node, 'period');
  return m !== undefined && p !== undefined ? `${m}${p}` : undefined;
}

/**
 * The date of an FpML date holder: a plain date, or adjustableDate/adjustableDates/unadjustedDate,
 * or adjustedDate. Relative dates are not resolved (they need business-day calendars).
 */
export function dateOf(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  return text(node)
    ?? text(node, 'unadjustedDate')
    ?? text(node, 'adjustableDate', 'unadjustedDate')
    ?? text(node, 'adjustableDates', 'unadjustedDate')
    ?? text(node, 'adjustedDate')
    ?? text(node, 'adjustableDate', 'adjustedDate')
    ?? text(node, 'dateAdjustments', 'unadjustedDate');
}

/** The party column value (LEI, else partyId, else href) a *PartyReference element points at. */
export function partyOf(ctx: TradeContext, ref: XNode | undefined): string | undefined {
  const href = attr(ref, 'href');
  return href === undefined ? undefined : partyKey(ctx.doc, href);
}

/** Sets amount and currency columns from a money element (currency + amount). */
export function setMoney(ctx: TradeContext, money: XNode | undefined, amount: ColumnName, currency: ColumnName, element: string): void {
  if (!money) return;
  setNumber(ctx, amount, text(money, 'amount'), `${element}/amount`);
  setText(ctx, currency, text(money, 'currency'));
}

/** The referenced element of an href, when the document has an element with that id. */
export function deref(ctx: TradeContext, ref: XNode | undefined): XNode | undefined {
  const href = attr(ref, 'href');
  return href === undefined ? undefined : ctx.doc.ids.get(href);
}

