/**
 * Interest-rate streams (swapStream, capFloorStream), shared by swaps, swaptions and caps/floors:
 * read one stream into a leg, write legs into the Leg 1 / Leg 2 columns and the rate summary.
 */
import type { ColumnName } from '../columns';
import { dateOf, partyOf, period, setDate, setNumber, setText, type TradeContext } from '../context';
import { attr, find, kid, text, type XNode } from '../xml';

export interface RateLeg {
  readonly path: string;
  /** Fixed, Floating, Inflation, Known Amount (swap streams); Equity, Commodity (return legs). */
  readonly kind?: string;
  readonly payerRef?: XNode;
  readonly receiverRef?: XNode;
  readonly notional?: string;
  /** Where the notional came from, for findings (defaults to the swap stream's notional schedule). */
  readonly notionalPath?: string;
  readonly currency?: string;
  readonly fixedRate?: string;
  readonly index?: string;
  readonly tenor?: string;
  readonly spread?: string;
  readonly dayCount?: string;
  readonly paymentFrequency?: string;
  readonly effective?: string;
  readonly termination?: string;
  readonly settlementCurrency?: string;
  readonly floatingCalculation?: XNode;
}

export function readStream(stream: XNode, path: string): RateLeg {
  const calcAmount = kid(stream, 'calculationPeriodAmount');
  const calc = kid(calcAmount, 'calculation');
  const notional = kid(calc, 'notionalSchedule', 'notionalStepSchedule');
  const fxLinked = kid(calc, 'fxLinkedNotionalSchedule');
  const known = kid(calcAmount, 'knownAmountSchedule');
  const fixed = kid(calc, 'fixedRateSchedule');
  const floating = kid(calc, 'floatingRateCalculation');
  const inflation = kid(calc, 'inflationRateCalculation');
  const dates = kid(stream, 'calculationPeriodDates');
  const kind: RateLeg['kind'] = fixed ? 'Fixed' : floating ? 'Floating' : inflation ? 'Inflation' : known ? 'Known Amount' : undefined;
  const rate = floating ?? inflation;
  return {
    path,
    kind,
    payerRef: kid(stream, 'payerPartyReference'),
    receiverRef: kid(stream, 'receiverPartyReference'),
    notional: text(notional, 'initialValue') ?? text(known, 'initialValue'),
    currency: text(notional, 'currency') ?? text(fxLinked, 'varyingNotionalCurrency') ?? text(known, 'currency'),
    fixedRate: text(fixed, 'initialValue'),
    index: text(rate, 'floatingRateIndex'),
    tenor: period(kid(rate, 'indexTenor')),
    spread: text(rate, 'spreadSchedule', 'initialValue') ?? text(rate, 'spread'),
    dayCount: text(calc, 'dayCountFraction'),
    paymentFrequency: period(kid(stream, 'paymentDates', 'paymentFrequency')),
    effective: dateOf(kid(dates, 'effectiveDate')),
    termination: dateOf(kid(dates, 'terminationDate')),
    settlementCurrency: text(stream, 'settlementProvision', 'settlementCurrency') ?? text(find(stream, 'nonDeliverableSettlement'), 'settlementCurrency'),
    floatingCalculation: floating,
  };
}

const col = (k: 1 | 2, what: string) => `Leg ${k} ${what}` as ColumnName;

/** Writes one leg into the Leg k columns. */
export function setLeg(ctx: TradeContext, k: 1 | 2, leg: RateLeg): void {
  setText(ctx, col(k, 'Type'), leg.kind);
  setText(ctx, col(k, 'Payer'), partyOf(ctx, leg.payerRef));
  setNumber(ctx, `Notional ${k}`, leg.notional, leg.notionalPath ?? `${leg.path}/…/notionalStepSchedule/initialValue`);
  setText(ctx, `Currency ${k}`, leg.currency);
  setNumber(ctx, col(k, 'Fixed Rate'), leg.fixedRate, `${leg.path}/…/fixedRate`);
  setText(ctx, col(k, 'Floating Index'), leg.index);
  setText(ctx, col(k, 'Index Tenor'), leg.tenor);
  setNumber(ctx, col(k, 'Spread'), leg.spread, `${leg.path}/…/spread`);
  setText(ctx, col(k, 'Day Count'), leg.dayCount);
  setText(ctx, col(k, 'Payment Frequency'), leg.paymentFrequency);
}

/** Legs 1 and 2, the leg count, the contract dates and the Fixed Rate / Floating Index summary. */
export function setRateLegs(ctx: TradeContext, legs: readonly RateLeg[]): void {
  ctx.row.set('Leg Count', legs.length);
  legs.slice(0, 2).forEach((leg, i) => setLeg(ctx, (i + 1) as 1 | 2, leg));
  const first = legs[0];
  setDate(ctx, 'Effective Date', legs.map((l) => l.effective).find(Boolean), `${first?.path}/calculationPeriodDates/effectiveDate`);
  setDate(ctx, 'Termination Date', legs.map((l) => l.termination).find(Boolean), `${first?.path}/calculationPeriodDates/terminationDate`);
  const fixed = legs.find((l) => l.kind === 'Fixed');
  if (fixed) setNumber(ctx, 'Fixed Rate', fixed.fixedRate, `${fixed.path}/fixedRateSchedule/initialValue`);
  const floating = legs.find((l) => l.index !== undefined);
  setText(ctx, 'Floating Index', floating?.index);
  setText(ctx, 'Floating Index Tenor', floating?.tenor);
  const settlement = legs.find((l) => l.settlementCurrency)?.settlementCurrency;
  if (settlement) {
    setText(ctx, 'Settlement Currency', settlement);
    if (legs.some((l) => l.settlementCurrency && l.settlementCurrency !== l.currency)) setText(ctx, 'Settlement Type', 'Cash');
  }
}

/** The party an href-bearing child of `node` names, e.g. ref(node, 'buyerPartyReference'). */
export function refOf(node: XNode | undefined, name: string): XNode | undefined {
  const r = kid(node, name);
  return attr(r, 'href') === undefined ? undefined : r;
}

const OVERNIGHT = /OIS|SONIA|ESTR|€STR|EONIA|SOFR|Federal Funds|FEDFUND|TONA|SARON|CORRA|AONIA|HONIA|SORA/i;

/** IRS, OIS, Basis Swap, Cross Currency Swap by the legs' kinds, currencies and indices. */
export function classifySwap(legs: readonly RateLeg[], sourceProductType: string | undefined): string {
  const currencies = new Set(legs.map((l) => l.currency).filter(Boolean));
  if (currencies.size > 1 || /CrossCurrency/i.test(sourceProductType ?? '')) return 'Cross Currency Swap';
  const floating = legs.filter((l) => l.kind === 'Floating');
  if (floating.length >= 2) return 'Basis Swap';
  if (/(^|:)OIS\b/.test(sourceProductType ?? '') || floating.some((l) => OVERNIGHT.test(l.index ?? ''))) return 'OIS';
  return 'IRS';
}
