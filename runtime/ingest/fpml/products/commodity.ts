/**
 * Commodity swaps (commoditySwap): leg 1 is the first fixedLeg (fixed price, quantity, total
 * price as its notional), leg 2 the first floatingLeg (the commodity reference price). A swap
 * split into several fixed/floating legs (one per period) reports the first of each and its total
 * leg count in Leg Count.
 */
import { dateOf, partyOf, report, setDate, setNumber, setText } from '../context';
import { kid, kids, text } from '../xml';
import type { ProductHandler } from './registry';

const commoditySwap: ProductHandler = {
  element: 'commoditySwap',
  assetClass: 'Commodity',
  extract(ctx, node) {
    setText(ctx, 'Product Type', 'Commodity Swap');
    setDate(ctx, 'Effective Date', dateOf(kid(node, 'effectiveDate')), 'commoditySwap/effectiveDate');
    setDate(ctx, 'Termination Date', dateOf(kid(node, 'terminationDate')), 'commoditySwap/terminationDate');
    setText(ctx, 'Settlement Type', 'Cash');
    setText(ctx, 'Settlement Currency', text(node, 'settlementCurrency'));
    const fixedLegs = kids(node, 'fixedLeg');
    const floatingLegs = kids(node, 'floatingLeg');
    ctx.row.set('Leg Count', fixedLegs.length + floatingLegs.length);
    if (fixedLegs.length + floatingLegs.length === 0) report(ctx, 'fpml-missing-economics', 'warning', 'commoditySwap has no fixedLeg or floatingLeg.', 'Notional 1');

    const fixed = fixedLegs[0];
    if (fixed) {
      setText(ctx, 'Leg 1 Type', 'Fixed');
      setText(ctx, 'Leg 1 Payer', partyOf(ctx, kid(fixed, 'payerPartyReference')));
      setNumber(ctx, 'Notional 1', text(fixed, 'totalPrice', 'amount'), 'commoditySwap/fixedLeg/totalPrice/amount');
      setText(ctx, 'Currency 1', text(fixed, 'totalPrice', 'currency'));
      setNumber(ctx, 'Price', text(fixed, 'fixedPrice', 'price'), 'commoditySwap/fixedLeg/fixedPrice/price');
      setText(ctx, 'Price Currency', text(fixed, 'fixedPrice', 'priceCurrency'));
      setNumber(ctx, 'Quantity', text(fixed, 'totalNotionalQuantity'), 'commoditySwap/fixedLeg/totalNotionalQuantity');
      setText(ctx, 'Quantity Unit', text(fixed, 'notionalQuantity', 'quantityUnit') ?? text(fixed, 'fixedPrice', 'priceUnit'));
    }
    const floating = floatingLegs[0];
    if (floating) {
      setText(ctx, 'Leg 2 Type', 'Floating');
      setText(ctx, 'Leg 2 Payer', partyOf(ctx, kid(floating, 'payerPartyReference')));
      const commodity = kid(floating, 'commodity');
      setText(ctx, 'Underlying', text(commodity, 'instrumentId'));
      setText(ctx, 'Underlying Description', text(commodity, 'description'));
      setNumber(ctx, 'Quantity', text(floating, 'totalNotionalQuantity'), 'commoditySwap/floatingLeg/totalNotionalQuantity');
      setText(ctx, 'Quantity Unit', text(floating, 'notionalQuantity', 'quantityUnit'));
    }
  },
};

export const COMMODITY_PRODUCTS: readonly ProductHandler[] = [commoditySwap];
