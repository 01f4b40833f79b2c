/**
 * One trade element → one row: find the product, fill identity, hand the product to its
 * extractor. A product the registry does not know still yields a row (identity, dates, parties)
 * and a warning naming the element, so a recon can see the trade exists.
 */
import type { Finding } from '../finding';
import type { TradeRow } from './columns';
import { report, setText, type TradeContext } from './context';
import type { FpmlDocument } from './document';
import { NON_PRODUCT_TRADE_CHILDREN, PRODUCTS } from './products/registry';
import { extractIdentity } from './trade-identity';
import { childElements, text, type XNode } from './xml';

function productOf(trade: XNode): { name?: string; node?: XNode; known: boolean } {
  const children = childElements(trade).filter(([name]) => !NON_PRODUCT_TRADE_CHILDREN.has(name));
  const known = children.find(([name]) => PRODUCTS.has(name));
  if (known) return { name: known[0], node: known[1], known: true };
  return children.length ? { name: children[0][0], node: children[0][1], known: false } : { known: false };
}

export function extractTrade(doc: FpmlDocument, trade: XNode, index: number, findings: Finding[]): TradeRow {
  const ctx: TradeContext = { doc, trade, index, row: new Map(), findings };
  const product = productOf(trade);
  extractIdentity(ctx, product.name, product.node);
  const handler = product.name ? PRODUCTS.get(product.name) : undefined;
  if (handler && product.node) {
    setText(ctx, 'Asset Class', handler.assetClass);
    try {
      handler.extract(ctx, product.node);
    } catch (e) {
      // A bug in an extractor must not lose the file: report it against the trade.
      report(ctx, 'fpml-extract-failed', 'error', `Reading the ${product.name} economics failed (${(e as Error).message}); the row keeps its identity columns only. Please report this file.`);
    }
  } else if (product.name) {
    setText(ctx, 'Asset Class', text(product.node, 'primaryAssetClass'));
    report(ctx, 'fpml-unknown-product', 'warning', `The product <${product.name}> is not one this reader knows (${[...PRODUCTS.keys()].join(', ')}); the row carries identity, parties and trade date only.`, 'Product Type');
  } else {
    report(ctx, 'fpml-missing-product', 'warning', 'The trade has a header but no product element.', 'Product Type');
  }
  return ctx.row;
}
