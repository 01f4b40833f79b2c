/**
 * The 16 ISDA DRR EMIR inputs (FpML 5.10 recordkeeping, nonpublicExecutionReport) and the OpsPilot
 * seed files. UTIs and counterparty LEIs were cross-checked against the DRR expected reports
 * beside the inputs (expected-report-json/*: uniqueTransactionIdentifier = our "UTI Trade ID";
 * counterparty1/2, where they are the first-named parties); economics were read from the XML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFpmlBytes } from './reader';
import { rowOf, SHARED_FIXTURES, xmlFilesUnder } from './test-sources';

const DRR = join(SHARED_FIXTURES, 'regulatory/samples/emir-refit-drr/fpml-input');
const SEEDS = join(SHARED_FIXTURES, 'seeds/opspilot');
const read = (dir: string, rel: string) => readFpmlBytes({ bytes: readFileSync(join(dir, rel)), name: rel, datasetId: 'test' });

const BR_MA = '213800IV9PCAC364HN60'; // Broadridge MessageAutomation
const BR_FS = '213800WWTABZ1GOJHH37'; // Broadridge Financial Solutions
const GGD = 'GGDZP1UYGU9STUHRDP48';

const EXPECTED: Record<string, Record<string, string | number | undefined>> = {
  // fixedLeg[1] of four legs (two fixed, two floating): fixedPrice 10.5 USD/BBL, totalNotionalQuantity 60, totalPrice 630.
  'commodity/Commodity-Swap-Energy-Oil-ex01-Cash.xml': { 'Product Type': 'Commodity Swap', 'Asset Class': 'Commodity', 'UTI Trade ID': 'COMMODITYSWAPENERG02G17R16E15N14E13P12A11W10S9Y8T7I6', 'Party 1 LEI': 'TESTHOUSELEI00000001', 'Party 2 LEI': 'TESTCLIENTLEI0000009', 'Effective Date': '2021-05-01', 'Termination Date': '2021-05-31', Underlying: 'OIL-WTI-NYMEX', Price: 10.5, 'Price Currency': 'USD', Quantity: 60, 'Quantity Unit': 'BBL', 'Notional 1': 630, 'Leg Count': 4 },
  'credit/Credit-Index-CDX-ex02.xml': { 'Product Type': 'CDS Index', UTI: 'DUMMYLEI123456789001CREDITINDEXCDXEXXM02', 'UTI Trade ID': 'CREDITINDEXCDXEXXM02', 'Index Name': 'CDX.NA.HY.18', 'Index ID': 'USM17X16X151', 'Index Series': 2, 'Index Version': 3, 'Fixed Rate': 0.05, 'Notional 1': 10000000, 'Currency 1': 'USD', 'Effective Date': '2022-02-11', 'Termination Date': '2023-07-20', 'Party 1 LEI': 'DUMMYLEI123456789001', 'Party 2 LEI': 'DUMMYLEI123456789002', Buyer: 'DUMMYLEI123456789002' },
  // party f845ge has two partyIds: XYZBICXXX (BIC) and DUMMY0000000000LEI01 (iso17442). The party's own id sits in versionedTradeId/tradeId.
  'credit/Credit-Single-Name-ex01.xml': { 'Product Type': 'CDS', 'UTI Trade ID': 'CREDITSINGLENAMEEX02X17E16E15M14A13N12E11L10G9N8I7S6', 'Reference Entity': 'ACOM CO., LTD.', 'Reference Entity ID': '004CC9', 'Fixed Rate': 0.007, 'Notional 1': 500000000, 'Currency 1': 'JPY', 'Party 1 ID': 'XYZBICXXX', 'Party 1 LEI': 'DUMMY0000000000LEI01', 'Party 2 LEI': 'DUMMY0000000000LEI02', 'Party 1 Trade ID': 'RTD3ERTF372097Y8UH90' },
  'equity/Equity-Option-Price-Return-Stock-ex01-American-Call.xml': { 'Product Type': 'Equity Option', 'Put/Call': 'Call', 'Option Style': 'American', Strike: 32, 'Expiry Date': '2005-09-27', Underlying: 'STM-FP', Quantity: 150000, 'Premium Amount': 405000, 'Premium Currency': 'EUR', Buyer: 'DUMMY0000000000LEI02', Seller: 'DUMMY0000000000LEI01', 'Settlement Type': 'Election' },
  // basket/basketConstituent/index/instrumentId "S&amp;P 500"; the interest leg comes first in the file but is leg 2.
  'equity/Equity-Swap-Price-Return-Index-ex01.xml': { 'Product Type': 'Equity Swap', 'UTI Trade ID': 'EQUITYSWAPPRICERET02', Underlying: 'S&P 500', 'Notional 1': 100000000, 'Currency 1': 'USD', 'Leg 1 Type': 'Equity', 'Leg 2 Floating Index': 'USD LIBOR 3M', 'Return Type': 'Price', 'Party 1 LEI': BR_MA, 'Party 2 LEI': BR_FS },
  'fx/FX-Forward-ex01.xml': { 'Product Type': 'FX Forward', 'UTI Trade ID': 'FXFORWARDEXXMLXXXX02', 'Notional 1': 40009999000, 'Currency 1': 'JPY', 'Notional 2': 900000, 'Currency 2': 'USD', 'Exchange Rate': 108.833, 'Currency Pair': 'USD/JPY', 'Trade Date': '2019-02-01', 'Value Date': '2019-02-19', 'Party 1 LEI': GGD, 'Party 2 LEI': '4PQUHN3JPFGFNF3BB653' },
  // The UTI issuer 2549007904V5LEBO0B08 is an execution agent, not a counterparty.
  'fx/FX-NDF-ex01.xml': { 'Product Type': 'FX NDF', UTI: '2549007904V5LEBO0B08FXNDFEXXMLXXXXXXXX02', 'Notional 1': 3763000000, 'Currency 1': 'KRW', 'Notional 2': 38999950.3, 'Currency 2': 'USD', 'Exchange Rate': 1111.11, 'Value Date': '2019-03-20', 'Fixing Date': '2019-03-18', 'Settlement Currency': 'USD', 'Party 1 LEI': GGD, 'Party 2 LEI': '254900QEE322YIK4P067' },
  // soldAs = Call; strike 0.822 PutCurrencyPerCallCurrency → USD/CHF (DRR exchangeRateBasis USD/CHF).
  'fx/FX-VanillaOption-ex01-European.xml': { 'Product Type': 'FX Option', 'Put/Call': 'Call', 'Option Style': 'European', Strike: 0.822, 'Expiry Date': '2019-02-01', 'Value Date': '2019-02-05', 'Currency Pair': 'USD/CHF', 'Notional 1': 16029000, 'Currency 1': 'CHF', 'Notional 2': 19500000, 'Currency 2': 'USD', 'Premium Amount': 20022222.5, 'Premium Currency': 'USD', Buyer: 'RR3QWICWWIPCS8A4S074', Seller: GGD, 'Settlement Type': 'Cash', 'Settlement Currency': 'CHF' },
  'rates/IR-CCS-Fixed-Float-ex02.xml': { 'Product Type': 'Cross Currency Swap', UTI: 'DUMMYTRADEIDENTIFY01IRCCSFIXEDFLOAT', 'Notional 1': 15000000, 'Currency 1': 'USD', 'Notional 2': 15000000, 'Currency 2': 'GBP', 'Fixed Rate': 0.15, 'Floating Index': 'GBP-LIBOR-BBA', 'Leg 2 Spread': 0.0012, 'Effective Date': '2021-03-11', 'Termination Date': '2028-02-11', 'Party 1 LEI': '987654321ZZABCDEFG11', 'Party 2 LEI': '987654321ZZABCDEFG12' },
  // capRateSchedule/initialValue is written as 3 (percent) in this sample: kept as written.
  'rates/IR-CapFloor-ex03-Cap.xml': { 'Product Type': 'Cap', 'UTI Trade ID': 'IRCAPFLOOREXCAPXML02', Strike: 3, 'Notional 1': 81833063.11, 'Currency 1': 'USD', 'Floating Index': 'USD-LIBOR-BBA', 'Floating Index Tenor': '1M', 'Effective Date': '2016-11-16', 'Termination Date': '2020-12-31', Buyer: BR_FS, Seller: BR_MA },
  'rates/IR-FRA-ex01.xml': { 'Product Type': 'FRA', UTI: 'IRFRAEXXMLXXXXXXXX00L9M8X7X6E5A4R3F2R1I0', 'Notional 1': 100, 'Currency 1': 'EUR', 'Fixed Rate': 0.0125, 'Floating Index': 'EUR-EURIBOR-Reuters', 'Floating Index Tenor': '3M', 'Effective Date': '2021-03-11', 'Termination Date': '2021-06-11', Buyer: 'TESTCLIENTLEI0000009', 'Party 1 LEI': 'TESTHOUSELEI00000001', 'Party 1 Trade ID': 'IRFRAEXXMLXXXXXXXX02', 'Party 2 Trade ID': 'IRFRAEXXMLXXXXXXXX01' },
  'rates/IR-IRS-Basis-ex01.xml': { 'Product Type': 'Basis Swap', UTI: 'DUMMYTRADEIDENTIFY01IRSBASISEX01', 'Notional 1': 15000000, 'Notional 2': 15000000, 'Currency 1': 'USD', 'Leg 1 Floating Index': 'USD-Federal Funds-H.15', 'Leg 2 Floating Index': 'USD-SOFR-COMPOUND', 'Leg 1 Spread': 0.0006, 'Leg 2 Spread': 0.0001, 'Fixed Rate': undefined, 'Effective Date': '2021-03-11', 'Termination Date': '2031-03-11' },
  // UTI issuer 549300OL8KL0WCQ34V31 (the broker) + tradeId; the blockTradeId's CFTC identifier is not a USI of the trade.
  'rates/IR-IRS-Fixed-Float-ex01.xml': { 'Product Type': 'IRS', UTI: '549300OL8KL0WCQ34V31IRIRSFIXEDFLOATEXX01', 'UTI Trade ID': 'IRIRSFIXEDFLOATEXX01', USI: undefined, 'Trade Date': '2011-02-12', 'Execution Date Time': '2011-02-04T16:20:47Z', 'Notional 1': 10000000, 'Currency 1': 'USD', 'Fixed Rate': 0.0253, 'Floating Index': 'USD-LIBOR-BBA', 'Floating Index Tenor': '3M', 'Effective Date': '2011-02-08', 'Termination Date': '2016-02-08', 'Party 1 LEI': '5493001RKR55V4X61F71', 'Party 2 LEI': '549300O5MFEP1XJ40B46', 'Party 1 Name': 'Bank X' },
  // Zero coupon: the fixed leg pays once (paymentFrequency 1T). Two UTI identifiers: the first is taken.
  'rates/IR-IRS-Fixed-Float-ex02-ZC.xml': { 'Product Type': 'IRS', 'UTI Trade ID': 'IRIRSFIXEDFLOATEXZ05', 'Fixed Rate': 0.02, 'Notional 1': 1000000, 'Currency 1': 'GBP', 'Floating Index': 'GBP-LIBOR', 'Leg 1 Payment Frequency': '1T', 'Effective Date': '2022-02-28', 'Termination Date': '2026-02-28', 'Party 1 LEI': '549300V2LQD6SX1WIG70', 'Party 2 LEI': '549300CWK6F65W566G32' },
  'rates/IR-IRS-Fixed-Float-ex06-OIS.xml': { 'Product Type': 'OIS', 'UTI Trade ID': 'IRIRSFIXEDFLOATEXO03', 'Notional 1': 33000000, 'Currency 1': 'USD', 'Fixed Rate': 0.05, 'Floating Index': 'USD-Federal Funds-H.15-OIS-COMPOUND', 'Effective Date': '2021-03-15', 'Termination Date': '2021-12-10' },
  // swaption/optionType Straddle; underlying fixedRateSchedule 2.6875 (a percentage in this sample) is the strike as written.
  'rates/IR-Option-Swaption-ex02-Europe.xml': { 'Product Type': 'Swaption', 'UTI Trade ID': 'IROPTIONSWAPTIONEX02', 'Put/Call': 'Straddle', 'Option Style': 'European', Strike: 2.6875, 'Expiry Date': '2029-04-04', 'Premium Amount': 1145000, 'Premium Currency': 'USD', 'Notional 1': 50000000, 'Settlement Type': 'Cash', 'Settlement Currency': 'CNH', Buyer: BR_MA },
};

describe('ISDA DRR recordkeeping inputs', () => {
  const files = existsSync(DRR) ? xmlFilesUnder(DRR).map((f) => f.slice(DRR.length + 1)) : [];

  it('finds all 16 inputs, and the expectations cover every one', () => {
    expect(files).toHaveLength(16);
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s reads to one trade row with no findings', (rel) => {
    const result = read(DRR, rel);
    expect(result.findings).toEqual([]);
    expect(result.table?.rowCount).toBe(1);
  });

  it.each(Object.entries(EXPECTED))('%s has the economics read by hand', (rel, expected) => {
    expect(rowOf(read(DRR, rel).table!)).toMatchObject({ 'FpML View': 'recordkeeping', 'Message Type': 'nonpublicExecutionReport', 'FpML Version': '5-10', ...expected });
  });
});

describe('OpsPilot seed files', () => {
  const codes = (rel: string) => read(SEEDS, rel).findings.map((f) => `${f.severity} ${f.code} ${f.location.column ?? ''}`.trim());

  it('reads the seed IRS: fixed 3.5% vs USD-LIBOR-BBA + 25bp; parties only named by href', () => {
    const r = read(SEEDS, 'fpml_irs_from_tests.xml');
    expect(rowOf(r.table!)).toMatchObject({ 'Product Type': 'IRS', 'Trade ID': 'IRS001', 'Trade Date': '2024-01-15', 'Effective Date': '2024-01-17', 'Termination Date': '2029-01-17', 'Notional 1': 10000000, 'Currency 1': 'USD', 'Fixed Rate': 0.035, 'Floating Index': 'USD-LIBOR-BBA', 'Leg 2 Spread': 0.0025, 'Party 1 ID': 'BANK1', 'Party 2 ID': 'CLIENT1', 'Party 1 LEI': undefined });
    expect(codes('fpml_irs_from_tests.xml')).toEqual(['warning fpml-unresolved-party Party 1 ID', 'warning fpml-unresolved-party Party 2 ID']);
  });

  it('reads the demo IRS without a maturity, and the FX seeds with amounts and currencies', () => {
    expect(rowOf(read(SEEDS, 'fpml_irs_demo_seed.xml').table!)).toMatchObject({ 'Product Type': 'IRS', 'Floating Index Tenor': '3M', 'Fixed Rate': 0.035, 'Termination Date': undefined });
    // Trade 2024-01-15 (Monday), value 2024-01-17: two weekdays, so a spot.
    expect(rowOf(read(SEEDS, 'fpml_fx_forward_from_tests.xml').table!)).toMatchObject({ 'Product Type': 'FX Spot', 'Trade ID': 'FX001', 'Notional 1': 1000000, 'Currency 1': 'USD', 'Notional 2': 920000, 'Currency 2': 'EUR' });
    const zip = read(SEEDS, 'fpml_zip_member_trade1_from_tests.xml');
    expect(zip.findings).toEqual([]);
    expect(rowOf(zip.table!)).toMatchObject({ 'Trade ID': 'ZIP001', 'Party 1 ID': undefined, 'Notional 2': 400000, 'Currency 2': 'GBP' });
  });

  it('reports the empty and the incomplete seeds as findings, not exceptions', () => {
    const empty = read(SEEDS, 'fpml_empty_from_tests.xml');
    expect(empty.table?.rowCount).toBe(0);
    expect(codes('fpml_empty_from_tests.xml')).toEqual(['warning fpml-no-trades']);
    const incomplete = read(SEEDS, 'fpml_incomplete_from_tests.xml');
    expect(incomplete.table?.rowCount).toBe(1);
    expect(codes('fpml_incomplete_from_tests.xml')).toEqual([
      'warning fpml-missing-trade-id UTI',
      'warning fpml-missing-economics Notional 1',
      'warning fpml-missing-value-date Value Date',
    ]);
    expect(incomplete.findings.every((f) => f.location.row === 1 && f.message.includes('line 3'))).toBe(true);
  });
});
