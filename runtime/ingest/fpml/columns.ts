/**
 * The FpML reader's fixed column set: one row per trade, the same columns for every product,
 * blank where a column does not apply. Names are a contract with shipped templates ("a folder of
 * FpML confirmations → canonical OTC trades"): add columns, never rename or retype one.
 * COLUMNS.md is rendered from this list (columns.test.ts keeps it in sync).
 *
 * Rates and spreads are kept exactly as FpML writes them: decimal fractions, 0.0125 = 1.25%
 * (some recordkeeping samples write percentages, e.g. 2.6875; the reader does not guess).
 * Dates are Excel serials (the Table's date type); the date part of an FpML date is used and any
 * time-zone suffix is ignored. Party columns hold the LEI when the party has one, else its first
 * partyId, else the href as written.
 */
import type { ColumnType } from '../../table/table';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly group: string;
  readonly doc: string;
}

const c = <const N extends string>(name: N, type: ColumnType, group: string, doc: string) => ({ name, type, group, doc });

const leg = <const K extends 1 | 2>(k: K) => [
  c(`Leg ${k} Type`, 'text', 'Legs', `Fixed, Floating, Equity or Commodity: what leg ${k} pays. Swap and cap/floor streams are taken in document order; an equity swap's return leg is leg 1 and its interest leg leg 2; a commodity swap's first fixedLeg is leg 1 and first floatingLeg leg 2; a FRA's fixed side (the buyer's) is leg 1, its floating side leg 2; a CDS fee leg is leg 1.`),
  c(`Leg ${k} Payer`, 'text', 'Legs', `Party paying leg ${k} (payerPartyReference); for FX, the payer of exchangedCurrency${k}.`),
  c(`Notional ${k}`, 'number', 'Legs', `Leg ${k} notional: notionalStepSchedule/initialValue, fra/notional, CDS protection amount (leg 1), exchangedCurrency${k} amount for FX, put (1) / call (2) currency amount for FX options, return/interest leg notionalAmount for equity swaps, totalPrice for commodity fixed legs.`),
  c(`Currency ${k}`, 'text', 'Legs', `ISO 4217 currency of Notional ${k}.`),
  c(`Leg ${k} Fixed Rate`, 'number', 'Legs', `fixedRateSchedule/initialValue (or fixedRate) of leg ${k}; decimal fraction.`),
  c(`Leg ${k} Floating Index`, 'text', 'Legs', `floatingRateIndex of leg ${k}, as written (e.g. EUR-EURIBOR-Reuters).`),
  c(`Leg ${k} Index Tenor`, 'text', 'Legs', `indexTenor of leg ${k} as multiplier + period (6M, 1D).`),
  c(`Leg ${k} Spread`, 'number', 'Legs', `spreadSchedule/initialValue (or spread) of leg ${k}; decimal fraction.`),
  c(`Leg ${k} Day Count`, 'text', 'Legs', `dayCountFraction of leg ${k} (ACT/360, 30E/360, ACT/365.FIXED…).`),
  c(`Leg ${k} Payment Frequency`, 'text', 'Legs', `paymentFrequency of leg ${k} (6M, 1Y; 1T = once, at term).`),
] as const;

export const COLUMNS = [
  c('Message Type', 'text', 'Identity', 'Local name of the root element: dataDocument, requestConfirmation, executionNotification, nonpublicExecutionReport…'),
  c('FpML View', 'text', 'Identity', 'View from the root namespace http://www.fpml.org/FpML-5/<view>: confirmation, recordkeeping, reporting, transparency…'),
  c('FpML Version', 'text', 'Identity', 'fpmlVersion attribute of the root (5-10, 5-13).'),
  c('Message ID', 'text', 'Identity', 'header/messageId of a message; blank for a dataDocument.'),
  c('Trade ID', 'text', 'Identity', 'The first tradeId in the trade header that is not a UTI or USI, whichever party (or no party) it belongs to: a plain match key for files that name no parties.'),
  c('UTI', 'text', 'Identity', 'Unique transaction identifier: issuer + tradeId of the partyTradeIdentifier whose tradeIdScheme is …/unique-transaction-identifier or …/uti (a CFTC issuer scheme marks a USI instead). The issuer is not repeated when the tradeId already starts with it; without an issuer the tradeId alone.'),
  c('UTI Issuer', 'text', 'Identity', 'issuer of the UTI identifier (usually the LEI of the UTI-generating entity).'),
  c('UTI Trade ID', 'text', 'Identity', 'tradeId of the UTI identifier, without the issuer. ISDA DRR reports this value as the EMIR UTI.'),
  c('USI', 'text', 'Identity', 'Unique swap identifier: issuer + tradeId of the identifier whose issuerIdScheme is a CFTC issuer scheme.'),
  c('Party 1 Trade ID', 'text', 'Identity', "Party 1's own tradeId (partyTradeIdentifier whose partyReference is party 1; a UTI is not repeated here)."),
  c('Party 2 Trade ID', 'text', 'Identity', "Party 2's own tradeId."),
  c('Party 1 ID', 'text', 'Parties', 'First partyId of party 1. Party 1 is the party named in the first partyTradeIdentifier that is a counterparty of the product, else the first counterparty the product names (payer/receiver/buyer/seller). It is not the EMIR counterparty 1 (that depends on the reporting role).'),
  c('Party 1 LEI', 'text', 'Parties', 'partyId of party 1 with scheme …/iso17442 (or, without a scheme, a 20-character LEI-shaped id), resolved through href → party id.'),
  c('Party 1 Name', 'text', 'Parties', 'partyName of party 1.'),
  c('Party 2 ID', 'text', 'Parties', 'First partyId of party 2: the next counterparty after party 1.'),
  c('Party 2 LEI', 'text', 'Parties', 'LEI of party 2.'),
  c('Party 2 Name', 'text', 'Parties', 'partyName of party 2.'),
  c('Asset Class', 'text', 'Product', 'InterestRate, ForeignExchange, Credit, Equity or Commodity.'),
  c('Product Type', 'text', 'Product', 'IRS, OIS, Basis Swap, Cross Currency Swap, FRA, Swaption, Cap, Floor, Collar, FX Spot, FX Forward, FX NDF, FX Swap, FX Option, CDS, CDS Index, Equity Swap, Equity Option, Commodity Swap; blank for a product the reader does not know (a warning names it).'),
  c('FpML Product', 'text', 'Product', 'Local name of the product element (swap, fra, fxSingleLeg, creditDefaultSwap, returnSwap…).'),
  c('Source Product Type', 'text', 'Product', 'productType and productId values of the product as written, joined with "; ".'),
  c('Trade Date', 'date', 'Dates', 'tradeHeader/tradeDate.'),
  c('Execution Date Time', 'datetime', 'Dates', 'partyTradeInformation/executionDateTime (or the message tradingEvent of a one-trade message), UTC.'),
  c('Effective Date', 'date', 'Dates', 'Unadjusted effective date: calculationPeriodDates (swaps, caps; the underlying swap for swaptions), fra/adjustedEffectiveDate, generalTerms (CDS), the return leg (equity swaps), the commodity swap. Blank when FpML gives only a relative date.'),
  c('Termination Date', 'date', 'Dates', 'Unadjusted termination / scheduled termination date on the same elements. Blank for FX (see Value Date, Far Value Date).'),
  c('Value Date', 'date', 'Dates', 'FX value (settlement) date; the near leg for FX swaps; valueDate / latestValueDate for FX options.'),
  c('Expiry Date', 'date', 'Dates', 'Option expiry: swaption expirationDate (last Bermudan date), fxOption expiryDate, equity option expirationDate.'),
  c('Leg Count', 'number', 'Legs', 'Number of legs / streams in the product (2 for a vanilla swap).'),
  ...leg(1),
  ...leg(2),
  c('Fixed Rate', 'number', 'Rates', 'The fixed rate of the first fixed leg; fra/fixedRate; the CDS fixed coupon. Decimal fraction (0.0125 = 1.25%).'),
  c('Floating Index', 'text', 'Rates', 'floatingRateIndex of the first floating leg (FRA, caps, swaps, equity interest legs).'),
  c('Floating Index Tenor', 'text', 'Rates', 'indexTenor of that leg (6M).'),
  c('Currency Pair', 'text', 'FX', 'quotedCurrencyPair currency1/currency2 (EUR/USD); for FX options the pair implied by strikeQuoteBasis.'),
  c('Quote Basis', 'text', 'FX', 'quoteBasis (Currency2PerCurrency1…); strikeQuoteBasis for FX options.'),
  c('Exchange Rate', 'number', 'FX', 'exchangeRate/rate (the near leg for FX swaps).'),
  c('Spot Rate', 'number', 'FX', 'exchangeRate/spotRate.'),
  c('Forward Points', 'number', 'FX', 'exchangeRate/forwardPoints.'),
  c('Far Value Date', 'date', 'FX', 'FX swap far leg value date.'),
  c('Far Exchange Rate', 'number', 'FX', 'FX swap far leg rate.'),
  c('Far Notional 1', 'number', 'FX', 'FX swap far leg exchangedCurrency1 amount (same currency as Currency 1).'),
  c('Far Notional 2', 'number', 'FX', 'FX swap far leg exchangedCurrency2 amount (same currency as Currency 2).'),
  c('Settlement Type', 'text', 'Settlement', 'Cash or Physical (Election for equity options): NDF / non-deliverable swaps and cashSettlement are Cash.'),
  c('Settlement Currency', 'text', 'Settlement', 'nonDeliverableSettlement/settlementCurrency (NDF), settlementProvision/settlementCurrency, cash settlement currency of options, CDS/commodity settlementCurrency.'),
  c('Fixing Date', 'date', 'Settlement', 'NDF fixing date (nonDeliverableSettlement/fixing/fixingDate).'),
  c('Buyer', 'text', 'Options', 'buyerPartyReference: option buyer, FRA buyer, CDS protection buyer; for caps/floors the party the capRateSchedule/buyer names.'),
  c('Seller', 'text', 'Options', 'sellerPartyReference (option writer, protection seller).'),
  c('Put/Call', 'text', 'Options', 'Call or Put (FX options: soldAs, else from the base currency of the strike quote; equity options: optionType); swaptions: Payer, Receiver or Straddle.'),
  c('Option Style', 'text', 'Options', 'European, American or Bermudan (from the exercise element).'),
  c('Strike', 'number', 'Options', 'FX strike rate, equity strikePrice, cap/floor rate (capRateSchedule/floorRateSchedule initialValue; cap for a collar), swaption = fixed rate of the underlying swap.'),
  c('Premium Amount', 'number', 'Options', 'premium/paymentAmount of an option; for a CDS the initialPayment (upfront fee).'),
  c('Premium Currency', 'text', 'Options', 'Currency of Premium Amount.'),
  c('Premium Payment Date', 'date', 'Options', 'Premium (or CDS initial payment) payment date.'),
  c('Reference Entity', 'text', 'Credit', 'referenceEntity/entityName of a single-name CDS.'),
  c('Reference Entity ID', 'text', 'Credit', 'referenceEntity/entityId (RED code).'),
  c('Reference Obligation', 'text', 'Credit', 'instrumentId of the reference obligation (ISIN, CUSIP…).'),
  c('Index Name', 'text', 'Credit', 'indexReferenceInformation/indexName of a CDS index trade.'),
  c('Index ID', 'text', 'Credit', 'indexReferenceInformation/indexId (RED pair code).'),
  c('Index Series', 'number', 'Credit', 'indexSeries.'),
  c('Index Version', 'number', 'Credit', 'indexAnnexVersion.'),
  c('Underlying', 'text', 'Equity & Commodity', 'instrumentId of the underlyer (equity, index, first basket constituent, commodity).'),
  c('Underlying Description', 'text', 'Equity & Commodity', 'description of the underlyer.'),
  c('Quantity', 'number', 'Equity & Commodity', 'openUnits (equity swap), numberOfOptions (equity option), totalNotionalQuantity of the first fixed leg (commodity swap).'),
  c('Quantity Unit', 'text', 'Equity & Commodity', 'Commodity quantityUnit (BBL, MWh…).'),
  c('Price', 'number', 'Equity & Commodity', 'Initial price (rateOfReturn/initialPrice netPrice, else grossPrice) of an equity swap; fixedPrice/price of a commodity swap.'),
  c('Price Currency', 'text', 'Equity & Commodity', 'Currency of Price.'),
  c('Return Type', 'text', 'Equity & Commodity', 'return/returnType of an equity swap: Total, Price or Dividend.'),
] as const;

export type ColumnName = (typeof COLUMNS)[number]['name'];

/** One trade's values before they become columns: text, or numbers (dates as Excel serials). */
export type TradeRow = Map<ColumnName, string | number>;

export const COLUMN_TYPES: ReadonlyMap<string, ColumnType> = new Map(COLUMNS.map((col) => [col.name, col.type]));

/** COLUMNS.md: the column reference, rendered from COLUMNS. */
export function renderColumnsMarkdown(): string {
  const lines = [
    '# FpML reader: column reference',
    '',
    '<!-- Rendered from runtime/ingest/fpml/columns.ts; columns.test.ts keeps it in sync. Regenerate with:',
    '     npx tsx -e "import(\'./runtime/ingest/fpml/columns.ts\').then((m) => process.stdout.write(m.renderColumnsMarkdown()))" > runtime/ingest/fpml/COLUMNS.md -->',
    '',
    'One row per trade, the same columns for every product, blank where a column does not apply.',
    'Row origin: the trade\'s 1-based position among the `trade` elements of its file.',
    '',
    '- **Rates and spreads are decimal fractions, as FpML writes them: 0.0125 = 1.25%.** The reader does not rescale.',
    '- **Dates** are Excel serials (the Table\'s `date` type); `Execution Date Time` is a UTC `datetime`.',
    '- **Parties** in payer/buyer/seller columns show the LEI when the party has one, else its first partyId, else the href.',
    '- **Periods** are multiplier + period letter: 6M, 1Y, 1D, 1T (once, at term).',
    '- **Folders**: a folder of files is one source to the runner, which concatenates the tables row by row; each row keeps its own file as origin (runtime/table/concat-tables.ts).',
    '',
  ];
  let group = '';
  for (const col of COLUMNS) {
    if (col.group !== group) {
      group = col.group;
      lines.push(`## ${group}`, '', '| column | type | meaning |', '|---|---|---|');
    }
    lines.push(`| ${col.name} | ${col.type} | ${col.doc.replace(/\|/g, '\\|')} |`);
    const next = COLUMNS[COLUMNS.indexOf(col) + 1];
    if (!next || next.group !== group) lines.push('');
  }
  return lines.join('\n');
}
