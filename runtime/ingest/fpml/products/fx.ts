/**
 * FX products: fxSingleLeg (spot, forward, NDF), fxSwap (near and far leg) and fxOption.
 *
 * Spot or forward: FpML does not say. A leg with nonDeliverableSettlement is an NDF; otherwise a
 * productType/productId saying Spot or Forward decides; otherwise a value date at most two
 * weekdays after the trade date is a spot (holidays are not known here), anything later a forward.
 */
import { weekdayOf } from '../../../formula/library/dates';
import { dateOf, partyOf, report, setDate, setMoney, setNumber, setText, type TradeContext } from '../context';
import { kid, kids, text, type XNode } from '../xml';
import { setPremium } from './interest-rate';
import { refOf } from './rate-legs';
import type { ProductHandler } from './registry';

function weekdaysBetween(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to && n < 10; d++) if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) n++;
  return n;
}

/** One exchange of currencies (fxSingleLeg, or a near/far leg of an fxSwap) into the main columns. */
function setExchange(ctx: TradeContext, leg: XNode, path: string): void {
  const c1 = kid(leg, 'exchangedCurrency1');
  const c2 = kid(leg, 'exchangedCurrency2');
  if (!c1 && !c2) report(ctx, 'fpml-missing-economics', 'warning', `${path} has no exchangedCurrency1/2: notionals and currencies are left blank.`, 'Notional 1');
  setMoney(ctx, kid(c1, 'paymentAmount'), 'Notional 1', 'Currency 1', `${path}/exchangedCurrency1/paymentAmount`);
  setMoney(ctx, kid(c2, 'paymentAmount'), 'Notional 2', 'Currency 2', `${path}/exchangedCurrency2/paymentAmount`);
  setText(ctx, 'Leg 1 Payer', partyOf(ctx, refOf(c1, 'payerPartyReference')));
  setText(ctx, 'Leg 2 Payer', partyOf(ctx, refOf(c2, 'payerPartyReference')));
  const valueDate = text(leg, 'valueDate') ?? text(leg, 'currency1ValueDate');
  if (valueDate === undefined) report(ctx, 'fpml-missing-value-date', 'warning', `${path}/valueDate is missing.`, 'Value Date');
  setDate(ctx, 'Value Date', valueDate, `${path}/valueDate`);
  const rate = kid(leg, 'exchangeRate');
  const pair = kid(rate, 'quotedCurrencyPair');
  const [q1, q2] = [text(pair, 'currency1'), text(pair, 'currency2')];
  if (q1 && q2) setText(ctx, 'Currency Pair', `${q1}/${q2}`);
  setText(ctx, 'Quote Basis', text(pair, 'quoteBasis'));
  setNumber(ctx, 'Exchange Rate', text(rate, 'rate'), `${path}/exchangeRate/rate`);
  setNumber(ctx, 'Spot Rate', text(rate, 'spotRate'), `${path}/exchangeRate/spotRate`);
  setNumber(ctx, 'Forward Points', text(rate, 'forwardPoints'), `${path}/exchangeRate/forwardPoints`);
  ctx.row.set('Leg Count', 2);
}

const fxSingleLeg: ProductHandler = {
  element: 'fxSingleLeg',
  assetClass: 'ForeignExchange',
  extract(ctx, node) {
    setExchange(ctx, node, 'fxSingleLeg');
    const nds = kid(node, 'nonDeliverableSettlement');
    const hint = String(ctx.row.get('Source Product Type') ?? '');
    const trade = ctx.row.get('Trade Date');
    const value = ctx.row.get('Value Date');
    let type: string;
    if (nds || /NDF|NonDeliverable/i.test(hint)) type = 'FX NDF';
    else if (/Spot/i.test(hint)) type = 'FX Spot';
    else if (/Forward/i.test(hint)) type = 'FX Forward';
    else if (typeof trade === 'number' && typeof value === 'number' && weekdaysBetween(trade, value) <= 2) type = 'FX Spot';
    else type = 'FX Forward';
    setText(ctx, 'Product Type', type);
    setText(ctx, 'Settlement Type', nds ? 'Cash' : 'Physical');
    setText(ctx, 'Settlement Currency', text(nds, 'settlementCurrency'));
    setDate(ctx, 'Fixing Date', text(nds, 'fixing', 'fixingDate'), 'fxSingleLeg/nonDeliverableSettlement/fixing/fixingDate');
  },
};

const fxSwap: ProductHandler = {
  element: 'fxSwap',
  assetClass: 'ForeignExchange',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'FX Swap');
    const near = kid(node, 'nearLeg');
    const far = kid(node, 'farLeg');
    if (!near || !far) report(ctx, 'fpml-missing-economics', 'warning', 'fxSwap needs a nearLeg and a farLeg; the missing one is left blank.', near ? 'Far Value Date' : 'Notional 1');
    if (near) setExchange(ctx, near, 'fxSwap/nearLeg');
    if (far) {
      setDate(ctx, 'Far Value Date', text(far, 'valueDate') ?? text(far, 'currency1ValueDate'), 'fxSwap/farLeg/valueDate');
      setNumber(ctx, 'Far Exchange Rate', text(far, 'exchangeRate', 'rate'), 'fxSwap/farLeg/exchangeRate/rate');
      setNumber(ctx, 'Far Notional 1', text(far, 'exchangedCurrency1', 'paymentAmount', 'amount'), 'fxSwap/farLeg/exchangedCurrency1/paymentAmount/amount');
      setNumber(ctx, 'Far Notional 2', text(far, 'exchangedCurrency2', 'paymentAmount', 'amount'), 'fxSwap/farLeg/exchangedCurrency2/paymentAmount/amount');
    }
    const nds = kid(near, 'nonDeliverableSettlement');
    setText(ctx, 'Settlement Type', nds ? 'Cash' : 'Physical');
    setText(ctx, 'Settlement Currency', text(nds, 'settlementCurrency'));
  },
};

const fxOption: ProductHandler = {
  element: 'fxOption',
  assetClass: 'ForeignExchange',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'FX Option');
    setText(ctx, 'Buyer', partyOf(ctx, refOf(node, 'buyerPartyReference')));
    setText(ctx, 'Seller', partyOf(ctx, refOf(node, 'sellerPartyReference')));
    setDate(ctx, 'Effective Date', dateOf(kid(node, 'effectiveDate')), 'fxOption/effectiveDate');
    const european = kid(node, 'europeanExercise');
    const american = kid(node, 'americanExercise');
    const bermudan = kid(node, 'bermudanExercise');
    const exercise = european ?? american ?? bermudan;
    setText(ctx, 'Option Style', european ? 'European' : american ? 'American' : bermudan ? 'Bermudan' : undefined);
    setDate(ctx, 'Expiry Date', text(exercise, 'expiryDate') ?? kids(exercise, 'expiryDate').map((n) => text(n)).at(-1), 'fxOption/…Exercise/expiryDate');
    setDate(ctx, 'Value Date', text(exercise, 'valueDate') ?? text(exercise, 'latestValueDate'), 'fxOption/…Exercise/valueDate');

    const put = kid(node, 'putCurrencyAmount');
    const call = kid(node, 'callCurrencyAmount');
    setMoney(ctx, put, 'Notional 1', 'Currency 1', 'fxOption/putCurrencyAmount');
    setMoney(ctx, call, 'Notional 2', 'Currency 2', 'fxOption/callCurrencyAmount');
    ctx.row.set('Leg Count', 2);
    const strike = kid(node, 'strike');
    setNumber(ctx, 'Strike', text(strike, 'rate'), 'fxOption/strike/rate');
    const basis = text(strike, 'strikeQuoteBasis');
    setText(ctx, 'Quote Basis', basis);
    const [putCcy, callCcy] = [text(put, 'currency'), text(call, 'currency')];
    // CallCurrencyPerPutCurrency quotes the put currency as the base (AUD/USD 0.4920 for an AUD put).
    const base = basis === 'CallCurrencyPerPutCurrency' ? 'Put' : basis === 'PutCurrencyPerCallCurrency' ? 'Call' : undefined;
    if (putCcy && callCcy && base) setText(ctx, 'Currency Pair', base === 'Put' ? `${putCcy}/${callCcy}` : `${callCcy}/${putCcy}`);
    setText(ctx, 'Put/Call', text(node, 'soldAs') ?? base);
    setPremium(ctx, kids(node, 'premium')[0], 'fxOption/premium');
    const cash = kid(node, 'cashSettlement');
    setText(ctx, 'Settlement Type', cash ? 'Cash' : 'Physical');
    setText(ctx, 'Settlement Currency', text(cash, 'settlementCurrency'));
  },
};

export const FX_PRODUCTS: readonly ProductHandler[] = [fxSingleLeg, fxSwap, fxOption];
