/**
 * The product registry (DESIGN.md §11.5: registries, not switches on names): FpML product element
 * → asset class and extractor. A trade's product is its first child element found here; a child
 * that is neither a known product nor one of the trade's non-product elements is an unknown
 * product (a warning, and a row with identity columns only).
 */
import type { TradeContext } from '../context';
import type { XNode } from '../xml';
import { CREDIT_PRODUCTS } from './credit';
import { COMMODITY_PRODUCTS } from './commodity';
import { EQUITY_PRODUCTS } from './equity';
import { FX_PRODUCTS } from './fx';
import { INTEREST_RATE_PRODUCTS } from './interest-rate';

export interface ProductHandler {
  /** Local name of the FpML product element. */
  readonly element: string;
  readonly assetClass: 'InterestRate' | 'ForeignExchange' | 'Credit' | 'Equity' | 'Commodity';
  /** Sets Product Type and the product's economics on ctx.row. */
  extract(ctx: TradeContext, product: XNode): void;
}

export const PRODUCTS: ReadonlyMap<string, ProductHandler> = new Map(
  [...INTEREST_RATE_PRODUCTS, ...FX_PRODUCTS, ...CREDIT_PRODUCTS, ...EQUITY_PRODUCTS, ...COMMODITY_PRODUCTS].map((h) => [h.element, h]),
);

/** Children of <trade> that are not products (FpML 5 Trade content model, all views). */
export const NON_PRODUCT_TRADE_CHILDREN: ReadonlySet<string> = new Set([
  'tradeHeader', 'otherPartyPayment', 'brokerPartyReference', 'calculationAgent', 'calculationAgentBusinessCenter',
  'determiningParty', 'hedgingParty', 'collateral', 'documentation', 'governingLaw', 'allocations', 'approvals',
  'tradeSummary', 'originatingPackage', 'valuation', 'executionDetails', 'partyTradeInformation',
]);
