/**
 * The document around the trades: which FpML message or view it is, where its trades are, and the
 * id index that href references resolve through (parties, notional amounts, dates).
 *
 * Trades are found regardless of the root (dataDocument, requestConfirmation, tradeConfirmed,
 * executionNotification, nonpublicExecutionReport…): every `trade` element holding a tradeHeader,
 * in document order, not descending into a trade already found.
 */
import { attr, childElements, kid, text, type XNode } from './xml';

/** Root elements of FpML 5 documents and messages (any view), and FpML 4's <FpML>. */
export const FPML_ROOTS: ReadonlySet<string> = new Set([
  'FpML', 'dataDocument', 'requestConfirmation', 'requestTradeConfirmation', 'confirmationAgreed', 'confirmationStatus',
  'confirmationDisputed', 'tradeConfirmed', 'tradeAffirmation', 'executionNotification', 'executionAdvice',
  'requestExecution', 'requestClearing', 'clearingConfirmed', 'clearingStatus', 'requestAllocation', 'allocationCreated',
  'nonpublicExecutionReport', 'publicExecutionReport', 'requestTradeReport', 'tradeChangeAdvice', 'tradeAmendmentRequest',
  'tradeCancellationRequest', 'tradeNovationNotification', 'requestPortfolio', 'portfolioReport', 'positionReport',
  'requestRetransmission', 'tradeTerminationRequest', 'maturityNotification', 'eventActivityReport', 'requestValuationReport',
]);

export const FPML_NAMESPACE = /^https?:\/\/www\.fpml\.org\//i;

export interface RootInfo {
  readonly localName: string;
  readonly namespace?: string;
  readonly version?: string;
}

/** The root start tag as written: local name, its namespace and the fpmlVersion (or FpML 4 version) attribute. */
export function rootInfo(text: string): RootInfo | undefined {
  const tag = /<(!--[\s\S]*?-->|\?[\s\S]*?\?>|!\[CDATA\[[\s\S]*?\]\]>|(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s[^>]*)?)\/?>)/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (!m[3]) continue;
    const attrs = m[4] ?? '';
    const value = (name: string) => new RegExp(`\\s${name.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
    return {
      localName: m[3],
      namespace: value(m[2] ? `xmlns:${m[2]}` : 'xmlns'),
      version: value('fpmlVersion') ?? value('version'),
    };
  }
  return undefined;
}

export function looksLikeFpml(info: RootInfo | undefined): boolean {
  if (!info) return false;
  return (info.namespace !== undefined && FPML_NAMESPACE.test(info.namespace)) || (info.namespace === undefined && FPML_ROOTS.has(info.localName));
}

export interface FpmlDocument {
  readonly source: string;
  readonly root: XNode;
  readonly messageType: string;
  readonly view?: string;
  readonly version?: string;
  readonly messageId?: string;
  readonly trades: readonly XNode[];
  /** Line of each trade's start tag, when the tag count matches (for messages only). */
  readonly tradeLines: readonly number[];
  /** Every element with an id attribute, by id (the first one wins). */
  readonly ids: ReadonlyMap<string, XNode>;
  /** party elements by id. */
  readonly parties: ReadonlyMap<string, XNode>;
}

export function buildDocument(source: string, xml: string, rootName: string, root: XNode): FpmlDocument {
  const info = rootInfo(xml);
  const ids = new Map<string, XNode>();
  const parties = new Map<string, XNode>();
  const trades: XNode[] = [];
  const walk = (node: XNode, name: string, inTrade: boolean) => {
    const id = attr(node, 'id');
    if (id !== undefined && !ids.has(id)) ids.set(id, node);
    if (name === 'party' && id !== undefined && !parties.has(id)) parties.set(id, node);
    let nowInTrade = inTrade;
    if (!inTrade && name === 'trade' && kid(node, 'tradeHeader')) {
      trades.push(node);
      nowInTrade = true;
    }
    for (const [childName, child] of childElements(node)) walk(child, childName, nowInTrade);
  };
  walk(root, rootName, false);
  return {
    source,
    root,
    messageType: rootName,
    view: /\/FpML-\d+\/([A-Za-z-]+)/.exec(info?.namespace ?? '')?.[1],
    version: attr(root, 'fpmlVersion') ?? attr(root, 'version') ?? info?.version,
    messageId: text(root, 'header', 'messageId'),
    trades,
    tradeLines: tradeStartLines(xml, trades.length),
    ids,
    parties,
  };
}

function tradeStartLines(xml: string, expected: number): number[] {
  const lines: number[] = [];
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const re = /<(?:[A-Za-z_][\w.-]*:)?trade[\s>/]/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(withoutComments); m; m = re.exec(withoutComments)) {
    for (let i = last; i < m.index; i++) if (withoutComments.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines.length === expected ? lines : [];
}
