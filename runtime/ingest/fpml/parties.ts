/**
 * Parties: href → party element → LEI, first partyId and name; and which two parties a trade's
 * "Party 1" and "Party 2" columns describe.
 *
 * LEI: a partyId whose partyIdScheme ends in iso17442 (FpML's LEI scheme), or, when the partyId has
 * no scheme at all, one shaped like an LEI (18 alphanumerics + 2 digits). Other schemes (BIC,
 * MIC, dummy ids) never count as an LEI; the value is not checksum-validated here (templates
 * have LEI_VALID for that).
 *
 * Party 1 is the party named by the first partyTradeIdentifier/partyReference that is also a
 * counterparty of the product (payer, receiver, buyer or seller anywhere in it); when no
 * identifier names one, the first counterparty the product names. Party 2 is the next
 * counterparty. Brokers, clearing houses and execution venues listed as parties are skipped
 * because the product never names them as payer, receiver, buyer or seller.
 */
import type { FpmlDocument } from './document';
import { all, attr, childElements, kids, text, type XNode } from './xml';

export interface PartyInfo {
  readonly href: string;
  readonly resolved: boolean;
  readonly id?: string;
  readonly lei?: string;
  readonly name?: string;
}

const LEI_SHAPE = /^[A-Z0-9]{18}[0-9]{2}$/;

export function partyInfo(doc: FpmlDocument, href: string): PartyInfo {
  const party = doc.parties.get(href);
  if (!party) return { href, resolved: false };
  const ids = kids(party, 'partyId').map((n) => ({ value: text(n), scheme: attr(n, 'partyIdScheme') }));
  const lei = ids.find((i) => i.scheme !== undefined && /iso17442$/i.test(i.scheme))?.value
    ?? ids.find((i) => i.scheme === undefined && i.value !== undefined && LEI_SHAPE.test(i.value))?.value;
  return { href, resolved: true, id: ids.find((i) => i.value !== undefined)?.value, lei, name: text(party, 'partyName') };
}

/** The value party columns show: the LEI, else the first partyId, else the href as written. */
export function partyKey(doc: FpmlDocument, href: string): string {
  const p = partyInfo(doc, href);
  return p.lei ?? p.id ?? href;
}

const COUNTERPARTY_REFS: ReadonlySet<string> = new Set(['payerPartyReference', 'receiverPartyReference', 'buyerPartyReference', 'sellerPartyReference']);

/** hrefs of every payer/receiver/buyer/seller reference in the product, in first-appearance order. */
export function productCounterparties(product: XNode | undefined): string[] {
  const out: string[] = [];
  const walk = (node: XNode) => {
    for (const [name, child] of childElements(node)) {
      if (COUNTERPARTY_REFS.has(name)) {
        const href = attr(child, 'href');
        if (href !== undefined && !out.includes(href)) out.push(href);
      } else walk(child);
    }
  };
  if (product) walk(product);
  return out;
}

export function tradeIdentifierParties(trade: XNode): string[] {
  const out: string[] = [];
  for (const ptid of all(trade, 'tradeHeader', 'partyTradeIdentifier')) {
    const href = attr(kids(ptid, 'partyReference')[0], 'href');
    if (href !== undefined && !out.includes(href)) out.push(href);
  }
  return out;
}

/** The hrefs of Party 1 and Party 2 (either may be missing). */
export function principalParties(trade: XNode, product: XNode | undefined): [string | undefined, string | undefined] {
  const counterparties = productCounterparties(product);
  const named = tradeIdentifierParties(trade);
  const first = counterparties.length
    ? named.find((h) => counterparties.includes(h)) ?? counterparties[0]
    : named[0];
  const rest = [...counterparties, ...named].filter((h) => h !== first);
  return [first, rest[0]];
}
