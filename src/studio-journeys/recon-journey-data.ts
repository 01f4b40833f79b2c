/**
 * The files and starting template of the recon journey: ETD positions as the firm books them
 * and as the broker reports them (different headers), and a tick-size table per product.
 *
 * 19 positions are on both sides; on top of that:
 *   ACC-1 / ZNZ6  broker price 1 tick higher (0.015625): within the 1-tick rule, no break
 *   ACC-2 / ESZ6  broker price 2 ticks higher (0.50): a Price break
 *   ACC-2 / NQZ6  broker quantity one more: a Quantity break
 *   ACC-3 / ZNH7  only in the internal file
 *   ACC-4 / ESH7  only in the broker file
 */
const CONTRACTS = ['ESZ6', 'ESH7', 'NQZ6', 'NQH7', 'ZNZ6', 'ZNH7', 'FGBLZ6', 'FGBLH7'] as const;
const PRODUCTS: Record<string, { base: number; tick: number; decimals: number }> = {
  ES: { base: 6010, tick: 0.25, decimals: 2 },
  NQ: { base: 21480, tick: 0.25, decimals: 2 },
  ZN: { base: 112.5, tick: 0.015625, decimals: 6 },
  FGBL: { base: 131.4, tick: 0.01, decimals: 2 },
};

interface Position { account: string; contract: string; product: string; quantity: number; price: string }

const productOf = (contract: string) => contract.slice(0, -2);
const priceText = (product: string, ticks: number) => {
  const p = PRODUCTS[product];
  return (p.base + ticks * p.tick).toFixed(p.decimals);
};

function position(account: string, contract: string, i: number, priceTicks = i % 4): Position {
  const product = productOf(contract);
  return { account, contract, product, quantity: (i % 2 ? -5 : 5) * ((i % 7) + 1), price: priceText(product, priceTicks) };
}

function common(): Position[] {
  return Array.from({ length: 19 }, (_, i) => position(`ACC-${Math.floor(i / 8) + 1}`, CONTRACTS[i % 8], i));
}

export function internalCsv(): string {
  const rows = [...common(), position('ACC-3', 'ZNH7', 3)];
  return `Account,Contract,Product,Quantity,Price\n${rows.map((r) => `${r.account},${r.contract},${r.product},${r.quantity},${r.price}`).join('\n')}\n`;
}

export function brokerCsv(): string {
  const rows = common().map((r, i) => {
    if (r.account === 'ACC-1' && r.contract === 'ZNZ6') return { ...r, price: priceText('ZN', (i % 4) + 1) };
    if (r.account === 'ACC-2' && r.contract === 'ESZ6') return { ...r, price: priceText('ES', (i % 4) + 2) };
    if (r.account === 'ACC-2' && r.contract === 'NQZ6') return { ...r, quantity: r.quantity + 1 };
    return r;
  });
  rows.push(position('ACC-4', 'ESH7', 5));
  return `Acct,Contract Code,Product,Qty,Settle Price\n${rows.map((r) => `${r.account},${r.contract},${r.product},${r.quantity},${r.price}`).join('\n')}\n`;
}

/**
 * What the editor cannot make yet, the reference table, with what a new recon template has:
 * the sources and a placeholder key. The rest is built in the editor.
 */
export const RECON_TEMPLATE = {
  schemaVersion: 1,
  name: 'ETD positions recon',
  description: 'Internal ETD positions against the broker statement, prices within a tick per product.',
  kind: 'recon',
  sources: [
    { name: 'internal', format: 'csv' },
    { name: 'broker', format: 'csv' },
  ],
  // What "New template" gives a recon: the sources matched on a placeholder key.
  match: { sources: ['internal', 'broker'], keys: [{ name: 'Key', formulas: { internal: '[Key]', broker: '[Key]' } }], rules: [] },
};

/** The tick sizes as an analyst pastes them from Excel into the editor's Tables tab. */
export const TICK_TABLE_PASTE = ['Product\tTick', ...Object.entries(PRODUCTS).map(([product, p]) => `${product}\t${p.tick}`)].join('\n');
