/**
 * Credit default swaps: single name (referenceInformation) and index (indexReferenceInformation).
 * The protection buyer pays the fee leg: leg 1 is the fee leg (Fixed, the fixed coupon), its
 * notional the protection amount (protectionTerms/calculationAmount).
 */
import { dateOf, partyOf, period, report, setDate, setMoney, setNumber, setText } from '../context';
import { find, kid, kids, text } from '../xml';
import { setPremium } from './interest-rate';
import { refOf } from './rate-legs';
import type { ProductHandler } from './registry';

const creditDefaultSwap: ProductHandler = {
  element: 'creditDefaultSwap',
  assetClass: 'Credit',
  extract(ctx, node) {
    const terms = kid(node, 'generalTerms');
    const single = kid(terms, 'referenceInformation');
    const index = kid(terms, 'indexReferenceInformation');
    setText(ctx, 'Product Type', index ? 'CDS Index' : 'CDS');
    const buyer = refOf(terms, 'buyerPartyReference');
    setText(ctx, 'Buyer', partyOf(ctx, buyer));
    setText(ctx, 'Seller', partyOf(ctx, refOf(terms, 'sellerPartyReference')));
    setDate(ctx, 'Effective Date', dateOf(kid(terms, 'effectiveDate')), 'creditDefaultSwap/generalTerms/effectiveDate');
    setDate(ctx, 'Termination Date', dateOf(kid(terms, 'scheduledTerminationDate')), 'creditDefaultSwap/generalTerms/scheduledTerminationDate');

    const entity = kid(single, 'referenceEntity');
    setText(ctx, 'Reference Entity', text(entity, 'entityName'));
    setText(ctx, 'Reference Entity ID', text(entity, 'entityId'));
    setText(ctx, 'Reference Obligation', text(find(kid(single, 'referenceObligation'), 'instrumentId')));
    setText(ctx, 'Index Name', text(index, 'indexName'));
    setText(ctx, 'Index ID', text(index, 'indexId'));
    setNumber(ctx, 'Index Series', text(index, 'indexSeries'), 'indexReferenceInformation/indexSeries');
    setNumber(ctx, 'Index Version', text(index, 'indexAnnexVersion'), 'indexReferenceInformation/indexAnnexVersion');
    if (!single && !index) report(ctx, 'fpml-missing-economics', 'warning', 'generalTerms has neither referenceInformation nor indexReferenceInformation: the reference entity is unknown.', 'Reference Entity');

    const protection = kids(node, 'protectionTerms')[0];
    setMoney(ctx, kid(protection, 'calculationAmount'), 'Notional 1', 'Currency 1', 'protectionTerms/calculationAmount');
    if (!protection) report(ctx, 'fpml-missing-economics', 'warning', 'creditDefaultSwap has no protectionTerms: the protection amount is left blank.', 'Notional 1');

    const fee = kid(node, 'feeLeg');
    const periodic = kid(fee, 'periodicPayment');
    const fixed = kid(periodic, 'fixedAmountCalculation');
    ctx.row.set('Leg Count', 1);
    setText(ctx, 'Leg 1 Type', 'Fixed');
    setText(ctx, 'Leg 1 Payer', partyOf(ctx, buyer));
    setNumber(ctx, 'Leg 1 Fixed Rate', text(fixed, 'fixedRate'), 'feeLeg/periodicPayment/fixedAmountCalculation/fixedRate');
    setNumber(ctx, 'Fixed Rate', text(fixed, 'fixedRate'), 'feeLeg/periodicPayment/fixedAmountCalculation/fixedRate');
    setText(ctx, 'Leg 1 Day Count', text(fixed, 'dayCountFraction'));
    setText(ctx, 'Leg 1 Payment Frequency', period(kid(periodic, 'paymentFrequency')));

    const upfront = kid(fee, 'initialPayment');
    if (upfront) {
      setPremium(ctx, upfront, 'feeLeg/initialPayment');
      setDate(ctx, 'Premium Payment Date', text(upfront, 'adjustablePaymentDate') ?? text(upfront, 'adjustedPaymentDate'), 'feeLeg/initialPayment/adjustablePaymentDate');
    }
    const cash = kid(node, 'cashSettlementTerms');
    const physical = kid(node, 'physicalSettlementTerms');
    setText(ctx, 'Settlement Type', cash ? 'Cash' : physical ? 'Physical' : undefined);
    setText(ctx, 'Settlement Currency', text(cash ?? physical, 'settlementCurrency'));
  },
};

export const CREDIT_PRODUCTS: readonly ProductHandler[] = [creditDefaultSwap];
