/**
 * Equity products: returnSwap (equity swaps, total return swaps, CFDs; also
 * equitySwapTransactionSupplement) and equityOption.
 *
 * Return swaps: leg 1 is the return leg (type Equity; the underlyer, units, initial price),
 * leg 2 the interest leg (Floating or Fixed; index, spread, day count), whatever their order in
 * the file. A notional given as relativeNotionalAmount or a currency given as currencyReference is
 * resolved through its href. Effective and termination dates given only as relative dates (e.g.
 * "three exchange business days after the trade date") need calendars and are left blank.
 */
import { dateOf, deref, partyOf, period, report, setDate, setMoney, setNumber, setText, type TradeContext } from '../context';
import { childElements, kid, kids, text, type XNode } from '../xml';
import { setPremium } from './interest-rate';
import { refOf, setLeg, type RateLeg } from './rate-legs';
import type { ProductHandler } from './registry';

const ASSETS = ['equity', 'index', 'exchangeTradedFund', 'mutualFund', 'bond', 'convertibleBond', 'loan', 'future', 'commodity'];

/** The asset of an underlyer: singleUnderlyer/<asset>, or the first basket constituent's asset. */
export function underlyingAsset(underlyer: XNode | undefined): { asset?: XNode; single?: XNode } {
  const single = kid(underlyer, 'singleUnderlyer');
  const holder = single ?? kid(underlyer, 'basket', 'basketConstituent');
  const asset = childElements(holder).find(([name]) => ASSETS.includes(name))?.[1];
  return { asset, single };
}

function setUnderlying(ctx: TradeContext, underlyer: XNode | undefined): XNode | undefined {
  const { asset, single } = underlyingAsset(underlyer);
  setText(ctx, 'Underlying', text(kids(asset, 'instrumentId')[0]));
  setText(ctx, 'Underlying Description', text(asset, 'description'));
  setNumber(ctx, 'Quantity', text(single, 'openUnits'), 'singleUnderlyer/openUnits');
  return asset;
}

/** A leg's notional: notionalAmount, or the amount a relativeNotionalAmount points at. */
function notionalOf(ctx: TradeContext, leg: XNode): XNode | undefined {
  const notional = kid(leg, 'notional');
  return kid(notional, 'notionalAmount') ?? deref(ctx, kid(notional, 'relativeNotionalAmount'));
}

function returnLeg(ctx: TradeContext, leg: XNode): RateLeg {
  const notional = notionalOf(ctx, leg);
  setUnderlying(ctx, kid(leg, 'underlyer'));
  const initial = kid(leg, 'rateOfReturn', 'initialPrice');
  const price = kid(initial, 'netPrice') ?? kid(initial, 'grossPrice');
  setNumber(ctx, 'Price', text(price, 'amount'), 'rateOfReturn/initialPrice/netPrice/amount');
  setText(ctx, 'Price Currency', text(price, 'currency'));
  setText(ctx, 'Return Type', text(leg, 'return', 'returnType'));
  setText(ctx, 'Settlement Type', text(leg, 'settlementType'));
  return {
    path: 'returnLeg',
    kind: 'Equity',
    payerRef: kid(leg, 'payerPartyReference'),
    receiverRef: kid(leg, 'receiverPartyReference'),
    notional: text(notional, 'amount'),
    notionalPath: 'returnLeg/notional/notionalAmount/amount',
    currency: text(notional, 'currency'),
    effective: dateOf(kid(leg, 'effectiveDate')),
    termination: dateOf(kid(leg, 'terminationDate')),
  };
}

function interestLeg(ctx: TradeContext, leg: XNode): RateLeg {
  const notional = notionalOf(ctx, leg);
  const calc = kid(leg, 'interestCalculation');
  const floating = kid(calc, 'floatingRateCalculation');
  const fixed = kid(calc, 'fixedRate');
  const amount = kid(leg, 'interestAmount');
  const dates = kid(leg, 'interestLegCalculationPeriodDates');
  return {
    path: 'interestLeg',
    kind: floating ? 'Floating' : fixed ? 'Fixed' : undefined,
    payerRef: kid(leg, 'payerPartyReference'),
    receiverRef: kid(leg, 'receiverPartyReference'),
    notional: text(notional, 'amount'),
    notionalPath: 'interestLeg/notional/notionalAmount/amount',
    currency: text(notional, 'currency') ?? text(amount, 'currency') ?? text(deref(ctx, kid(amount, 'currencyReference'))),
    fixedRate: text(fixed, 'initialValue') ?? text(fixed),
    index: text(floating, 'floatingRateIndex'),
    tenor: period(kid(floating, 'indexTenor')),
    spread: text(floating, 'spreadSchedule', 'initialValue'),
    dayCount: text(calc, 'dayCountFraction'),
    effective: dateOf(kid(dates, 'effectiveDate')),
    termination: dateOf(kid(dates, 'terminationDate')),
  };
}

const returnSwapHandler = (element: string): ProductHandler => ({
  element,
  assetClass: 'Equity',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'Equity Swap');
    const returns = kids(node, 'returnLeg');
    const interests = kids(node, 'interestLeg');
    if (returns.length === 0) report(ctx, 'fpml-missing-economics', 'warning', `${element} has no returnLeg: the underlyer and equity notional are left blank.`, 'Underlying');
    const legs = [...returns.slice(0, 1).map((l) => returnLeg(ctx, l)), ...interests.slice(0, 1).map((l) => interestLeg(ctx, l))];
    ctx.row.set('Leg Count', returns.length + interests.length + kids(node, 'fixedPaymentLeg').length);
    legs.forEach((leg, i) => setLeg(ctx, (i + 1) as 1 | 2, leg));
    setDate(ctx, 'Effective Date', legs.map((l) => l.effective).find(Boolean), `${element}/returnLeg/effectiveDate`);
    setDate(ctx, 'Termination Date', legs.map((l) => l.termination).find(Boolean), `${element}/returnLeg/terminationDate`);
    const floating = legs.find((l) => l.index);
    setText(ctx, 'Floating Index', floating?.index);
    setText(ctx, 'Floating Index Tenor', floating?.tenor);
    const fixed = legs.find((l) => l.kind === 'Fixed');
    setNumber(ctx, 'Fixed Rate', fixed?.fixedRate, 'interestLeg/interestCalculation/fixedRate');
    setText(ctx, 'Buyer', partyOf(ctx, refOf(node, 'buyerPartyReference')));
    setText(ctx, 'Seller', partyOf(ctx, refOf(node, 'sellerPartyReference')));
  },
});

const equityOption: ProductHandler = {
  element: 'equityOption',
  assetClass: 'Equity',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'Equity Option');
    setText(ctx, 'Buyer', partyOf(ctx, refOf(node, 'buyerPartyReference')));
    setText(ctx, 'Seller', partyOf(ctx, refOf(node, 'sellerPartyReference')));
    setText(ctx, 'Put/Call', text(node, 'optionType'));
    setUnderlying(ctx, kid(node, 'underlyer'));
    const exercise = kid(node, 'equityExercise');
    const european = kid(exercise, 'equityEuropeanExercise');
    const american = kid(exercise, 'equityAmericanExercise');
    const bermuda = kid(exercise, 'equityBermudaExercise');
    setText(ctx, 'Option Style', european ? 'European' : american ? 'American' : bermuda ? 'Bermudan' : undefined);
    setDate(ctx, 'Expiry Date', dateOf(kid(european ?? american ?? bermuda, 'expirationDate')), 'equityExercise/…/expirationDate');
    setText(ctx, 'Settlement Type', text(exercise, 'settlementType'));
    setText(ctx, 'Settlement Currency', text(exercise, 'settlementCurrency'));
    const strike = kid(node, 'strike');
    setNumber(ctx, 'Strike', text(strike, 'strikePrice') ?? text(strike, 'strikePercentage'), 'equityOption/strike/strikePrice');
    setNumber(ctx, 'Quantity', text(node, 'numberOfOptions'), 'equityOption/numberOfOptions');
    setMoney(ctx, kid(node, 'notional'), 'Notional 1', 'Currency 1', 'equityOption/notional');
    setPremium(ctx, kid(node, 'equityPremium'), 'equityOption/equityPremium');
    if (!strike) report(ctx, 'fpml-missing-economics', 'warning', 'equityOption has no strike.', 'Strike');
  },
};

export const EQUITY_PRODUCTS: readonly ProductHandler[] = [
  returnSwapHandler('returnSwap'),
  returnSwapHandler('equitySwapTransactionSupplement'),
  equityOption,
];
