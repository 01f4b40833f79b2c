/**
 * Interest-rate products: swap (IRS, OIS, basis, cross-currency, non-deliverable), FRA, cap /
 * floor / collar and swaption.
 */
import { dateOf, partyOf, period, report, setDate, setMoney, setNumber, setText, type TradeContext } from '../context';
import { all, find, kid, kids, text, type XNode } from '../xml';
import { classifySwap, readStream, refOf, setRateLegs, type RateLeg } from './rate-legs';
import type { ProductHandler } from './registry';

function swapLegs(ctx: TradeContext, swap: XNode, path: string): RateLeg[] {
  const legs = kids(swap, 'swapStream').map((s, i) => readStream(s, `${path}/swapStream[${i + 1}]`));
  if (legs.length === 0) report(ctx, 'fpml-missing-economics', 'warning', `${path} has no swapStream: the legs are left blank.`, 'Notional 1');
  return legs;
}

const swap: ProductHandler = {
  element: 'swap',
  assetClass: 'InterestRate',
  extract(ctx, node) {
    const legs = swapLegs(ctx, node, 'swap');
    setText(ctx, 'Product Type', classifySwap(legs, ctx.row.get('Source Product Type') as string | undefined));
    setRateLegs(ctx, legs);
  },
};

const fra: ProductHandler = {
  element: 'fra',
  assetClass: 'InterestRate',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'FRA');
    const buyer = refOf(node, 'buyerPartyReference');
    const seller = refOf(node, 'sellerPartyReference');
    setText(ctx, 'Buyer', partyOf(ctx, buyer));
    setText(ctx, 'Seller', partyOf(ctx, seller));
    setDate(ctx, 'Effective Date', text(node, 'adjustedEffectiveDate'), 'fra/adjustedEffectiveDate');
    setDate(ctx, 'Termination Date', text(node, 'adjustedTerminationDate'), 'fra/adjustedTerminationDate');
    ctx.row.set('Leg Count', 2);
    // The buyer pays the fixed rate (leg 1) and receives the floating rate (leg 2).
    setText(ctx, 'Leg 1 Type', 'Fixed');
    setText(ctx, 'Leg 1 Payer', partyOf(ctx, buyer));
    setMoney(ctx, kid(node, 'notional'), 'Notional 1', 'Currency 1', 'fra/notional');
    setNumber(ctx, 'Leg 1 Fixed Rate', text(node, 'fixedRate'), 'fra/fixedRate');
    setNumber(ctx, 'Fixed Rate', text(node, 'fixedRate'), 'fra/fixedRate');
    setText(ctx, 'Leg 2 Type', 'Floating');
    setText(ctx, 'Leg 2 Payer', partyOf(ctx, seller));
    const index = text(node, 'floatingRateIndex');
    const tenor = period(kid(node, 'indexTenor'));
    setText(ctx, 'Leg 2 Floating Index', index);
    setText(ctx, 'Leg 2 Index Tenor', tenor);
    setText(ctx, 'Floating Index', index);
    setText(ctx, 'Floating Index Tenor', tenor);
    setText(ctx, 'Leg 1 Day Count', text(node, 'dayCountFraction'));
    setText(ctx, 'Leg 2 Day Count', text(node, 'dayCountFraction'));
  },
};

/** Premium (first one) of an option-like product: amount, currency, payment date. */
export function setPremium(ctx: TradeContext, premium: XNode | undefined, path: string): void {
  if (!premium) return;
  setMoney(ctx, kid(premium, 'paymentAmount'), 'Premium Amount', 'Premium Currency', `${path}/paymentAmount`);
  setDate(ctx, 'Premium Payment Date', dateOf(kid(premium, 'paymentDate')), `${path}/paymentDate`);
}

const capFloor: ProductHandler = {
  element: 'capFloor',
  assetClass: 'InterestRate',
  extract(ctx, node) {
    const streams = kids(node, 'capFloorStream');
    const legs = streams.map((s, i) => readStream(s, `capFloor/capFloorStream[${i + 1}]`));
    const calc = legs[0]?.floatingCalculation;
    const cap = kid(calc, 'capRateSchedule');
    const floor = kid(calc, 'floorRateSchedule');
    setText(ctx, 'Product Type', cap && floor ? 'Collar' : floor ? 'Floor' : 'Cap');
    setRateLegs(ctx, legs);
    const schedule = cap ?? floor;
    setNumber(ctx, 'Strike', text(schedule, 'initialValue'), `capFloor/…/${cap ? 'capRateSchedule' : 'floorRateSchedule'}/initialValue`);
    // capRateSchedule/buyer says which side of the stream buys the option: Payer or Receiver.
    const stream = streams[0];
    const buyerSide = text(schedule, 'buyer');
    const sellerSide = text(schedule, 'seller');
    const sideRef = (side: string | undefined) =>
      side === 'Payer' ? kid(stream, 'payerPartyReference') : side === 'Receiver' ? kid(stream, 'receiverPartyReference') : undefined;
    setText(ctx, 'Buyer', partyOf(ctx, sideRef(buyerSide)));
    setText(ctx, 'Seller', partyOf(ctx, sideRef(sellerSide)));
    setPremium(ctx, kids(node, 'premium')[0], 'capFloor/premium');
  },
};

const swaption: ProductHandler = {
  element: 'swaption',
  assetClass: 'InterestRate',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'Swaption');
    const buyer = refOf(node, 'buyerPartyReference');
    setText(ctx, 'Buyer', partyOf(ctx, buyer));
    setText(ctx, 'Seller', partyOf(ctx, refOf(node, 'sellerPartyReference')));
    setPremium(ctx, kids(node, 'premium')[0], 'swaption/premium');

    const european = kid(node, 'europeanExercise');
    const american = kid(node, 'americanExercise');
    const bermuda = kid(node, 'bermudaExercise');
    setText(ctx, 'Option Style', european ? 'European' : american ? 'American' : bermuda ? 'Bermudan' : undefined);
    const expiry = (european ?? american)
      ? dateOf(kid(european ?? american, 'expirationDate'))
      : all(bermuda, 'bermudaExerciseDates', 'adjustableDates', 'unadjustedDate').map((n) => text(n)).filter(Boolean).at(-1);
    setDate(ctx, 'Expiry Date', expiry, 'swaption/…Exercise/expirationDate');

    const cash = kid(node, 'cashSettlement');
    setText(ctx, 'Settlement Type', cash ? 'Cash' : kid(node, 'physicalSettlement') ? 'Physical' : undefined);
    setText(ctx, 'Settlement Currency', text(find(cash, 'cashSettlementCurrency')));

    const underlying = kid(node, 'swap');
    const legs = underlying ? swapLegs(ctx, underlying, 'swaption/swap') : [];
    setRateLegs(ctx, legs);
    const fixed = legs.find((l) => l.kind === 'Fixed');
    setNumber(ctx, 'Strike', fixed?.fixedRate, 'swaption/swap/…/fixedRateSchedule/initialValue');
    // Payer swaption: the buyer has the right to pay fixed. FpML 5.10+ may say so in optionType.
    const stated = text(node, 'optionType');
    const straddle = text(node, 'swaptionStraddle') === 'true';
    const buyerKey = partyOf(ctx, buyer);
    const side = stated ?? (straddle ? 'Straddle'
      : fixed && buyerKey && partyOf(ctx, fixed.payerRef) === buyerKey ? 'Payer'
        : fixed && buyerKey && partyOf(ctx, fixed.receiverRef) === buyerKey ? 'Receiver' : undefined);
    setText(ctx, 'Put/Call', side);
  },
};

export const INTEREST_RATE_PRODUCTS: readonly ProductHandler[] = [swap, fra, capFloor, swaption];
