/**
 * Who and when: message identity, UTI / USI, each party's own trade id, the two principal
 * parties, trade date and execution time.
 *
 * UTI: among tradeHeader/partyTradeIdentifier, the first whose tradeId has a tradeIdScheme ending
 * in unique-transaction-identifier or /uti and whose issuer is not a CFTC issuer (a CFTC
 * issuerIdScheme marks a USI namespace, as in FpML's fx-ex29). UTI = issuer + tradeId, except
 * that an issuer already leading the tradeId is not repeated; without an issuer, the tradeId.
 * "UTI Issuer" and "UTI Trade ID" keep the two parts: ISDA's DRR reports the tradeId part alone
 * as the EMIR UTI.
 */
import type { TradeContext } from './context';
import { report, setDateTime, setDate, setText } from './context';
import { partyInfo, principalParties, productCounterparties, tradeIdentifierParties } from './parties';
import { all, attr, kid, kids, text, type XNode } from './xml';

interface Identifier {
  readonly partyHref?: string;
  readonly issuer?: string;
  readonly issuerScheme?: string;
  readonly tradeId?: string;
  readonly tradeIdScheme?: string;
}

const UTI_SCHEME = /(unique-transaction-identifier|\/uti)$/i;
const CFTC_ISSUER = /cftc/i;

function identifiers(trade: XNode): Identifier[] {
  return all(trade, 'tradeHeader', 'partyTradeIdentifier').flatMap((ptid) => {
    const issuer = kid(ptid, 'issuer');
    const base = { partyHref: attr(kid(ptid, 'partyReference'), 'href'), issuer: text(issuer), issuerScheme: attr(issuer, 'issuerIdScheme') };
    const ids = [...kids(ptid, 'tradeId'), ...all(ptid, 'versionedTradeId', 'tradeId')];
    return ids.length
      ? ids.map((t) => ({ ...base, tradeId: text(t), tradeIdScheme: attr(t, 'tradeIdScheme') }))
      : [base];
  });
}

const isUti = (i: Identifier) => i.tradeIdScheme !== undefined && UTI_SCHEME.test(i.tradeIdScheme);
const joined = (i: Identifier) => (i.issuer && i.tradeId && !i.tradeId.startsWith(i.issuer) ? i.issuer + i.tradeId : i.tradeId);

export function extractIdentity(ctx: TradeContext, productName: string | undefined, product: XNode | undefined): void {
  const { doc, trade } = ctx;
  setText(ctx, 'Message Type', doc.messageType);
  setText(ctx, 'FpML View', doc.view);
  setText(ctx, 'FpML Version', doc.version);
  setText(ctx, 'Message ID', doc.messageId);

  const ids = identifiers(trade);
  const uti = ids.find((i) => isUti(i) && i.tradeId && !(i.issuerScheme && CFTC_ISSUER.test(i.issuerScheme)));
  if (uti) {
    setText(ctx, 'UTI', joined(uti));
    setText(ctx, 'UTI Issuer', uti.issuer);
    setText(ctx, 'UTI Trade ID', uti.tradeId);
  }
  setText(ctx, 'Trade ID', ids.find((i) => i.tradeId && !isUti(i))?.tradeId);
  const usi = ids.find((i) => isUti(i) && i.tradeId && i.issuerScheme !== undefined && CFTC_ISSUER.test(i.issuerScheme));
  if (usi) setText(ctx, 'USI', joined(usi));

  const [p1, p2] = principalParties(trade, product);
  for (const [n, href] of [[1, p1], [2, p2]] as const) {
    if (href === undefined) continue;
    const info = partyInfo(doc, href);
    setText(ctx, `Party ${n} ID`, info.id ?? href);
    setText(ctx, `Party ${n} LEI`, info.lei);
    setText(ctx, `Party ${n} Name`, info.name);
    const own = ids.find((i) => i.partyHref === href && i.tradeId && !isUti(i)) ?? ids.find((i) => i.partyHref === href && i.tradeId && i !== uti);
    setText(ctx, `Party ${n} Trade ID`, own?.tradeId);
  }
  const referenced = [...new Set([...tradeIdentifierParties(trade), ...productCounterparties(product)])];
  for (const href of referenced) {
    if (!doc.parties.has(href)) {
      const column = href === p1 ? 'Party 1 ID' : href === p2 ? 'Party 2 ID' : undefined;
      report(ctx, 'fpml-unresolved-party', 'warning', `The trade refers to party "${href}", but the file has no <party id="${href}">; party columns show the reference as written and no LEI.`, column);
    }
  }
  if (!ids.some((i) => i.tradeId)) report(ctx, 'fpml-missing-trade-id', 'warning', 'The trade header has no tradeId: the row has no trade identifier or UTI to match on.', 'UTI');

  const header = kid(trade, 'tradeHeader');
  const tradeDate = text(header, 'tradeDate');
  if (tradeDate === undefined) report(ctx, 'fpml-missing-trade-date', 'warning', 'tradeHeader/tradeDate is missing.', 'Trade Date');
  setDate(ctx, 'Trade Date', tradeDate, 'tradeHeader/tradeDate');
  const execution = text(all(header, 'partyTradeInformation').find((p) => text(p, 'executionDateTime')), 'executionDateTime')
    ?? (doc.trades.length === 1 ? text(doc.root, 'tradingEvent', 'executionDateTime') : undefined);
  setDateTime(ctx, 'Execution Date Time', execution, 'executionDateTime');

  setText(ctx, 'FpML Product', productName);
  const productTypes = [...kids(product, 'productType'), ...kids(product, 'productId')].map((n) => text(n)).filter((s): s is string => !!s);
  setText(ctx, 'Source Product Type', productTypes.join('; '));
}
