/**
 * The 34 FpML 5.10/5.13 confirmation examples (shared/fixtures/fpml): every file reads to at least
 * one row with no finding, and the key economics of each match values read by hand from the XML.
 * Paths in comments are the elements the non-obvious values come from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFpmlBytes } from './reader';
import { rowOf, SHARED_FIXTURES, xmlFilesUnder } from './test-sources';

const DIR = join(SHARED_FIXTURES, 'fpml');
const read = (rel: string) => readFpmlBytes({ bytes: readFileSync(join(DIR, rel)), name: rel, datasetId: 'test' });

const A = '549300VBWWV6BYQOWM67';
const B = '529900DTJ5A7S5UCBB52';
const ABN = 'BFXS5XCH7N0Y05NIXW11';
const DB = '213800QILIUD4ROSUO03';
const XYZ = '254900BIAQJIUV6DLE92';
const UTI510 = { UTI: '54930084UKLVMY22DS16UITD7895394', 'UTI Issuer': '54930084UKLVMY22DS16', 'UTI Trade ID': 'UITD7895394', 'Party 1 LEI': '54930084UKLVMY22DS16', 'Party 2 LEI': '48750084UKLVTR22DS78' };
const FX_FWD = { 'Product Type': 'FX Forward', 'Trade Date': '2001-11-19', 'Value Date': '2001-12-21', 'Notional 1': 10000000, 'Currency 1': 'EUR', 'Notional 2': 9175000, 'Currency 2': 'USD', 'Exchange Rate': 0.9175, 'Spot Rate': 0.913, 'Forward Points': 0.0045, 'Currency Pair': 'EUR/USD', 'Party 1 LEI': ABN, 'Party 2 LEI': DB, 'Leg 1 Payer': DB };
const FX_SWAP = { 'Product Type': 'FX Swap', 'Trade Date': '2002-01-23', 'Value Date': '2002-01-25', 'Notional 1': 10000000, 'Currency 1': 'GBP', 'Notional 2': 14800000, 'Currency 2': 'USD', 'Exchange Rate': 1.48, 'Far Value Date': '2002-02-25', 'Far Exchange Rate': 1.5, 'Far Notional 1': 10000000, 'Far Notional 2': 15000000 };
// fxOption: putCurrencyAmount AUD 75m, callCurrencyAmount USD 36.9m, strike 0.4920 CallCurrencyPerPutCurrency → AUD put.
const FX_OPT = { 'Product Type': 'FX Option', 'Trade Date': '2002-01-04', 'Put/Call': 'Put', 'Option Style': 'European', Strike: 0.492, 'Expiry Date': '2002-06-04', 'Value Date': '2002-06-06', 'Notional 1': 75000000, 'Currency 1': 'AUD', 'Notional 2': 36900000, 'Currency 2': 'USD', 'Currency Pair': 'AUD/USD', 'Premium Amount': 36900, 'Premium Currency': 'USD', 'Premium Payment Date': '2001-12-06', Buyer: A, Seller: ABN };
const IRS_1994 = { 'Trade Date': '1994-12-12', 'Effective Date': '1994-12-14', 'Termination Date': '1999-12-14', 'Fixed Rate': 0.06 };

const EXPECTED: Record<string, Record<string, string | number | undefined>> = {
  // swapStream[1] is party1's floating leg, swapStream[2] party2's fixed leg.
  'fpml-5-13-confirmation/rates/ird-ex01-vanilla-swap.xml': { ...IRS_1994, 'Product Type': 'IRS', 'Notional 1': 50000000, 'Currency 1': 'EUR', 'Notional 2': 50000000, 'Floating Index': 'EUR-LIBOR-BBA', 'Floating Index Tenor': '6M', 'Leg 1 Type': 'Floating', 'Leg 1 Payer': A, 'Leg 1 Day Count': 'ACT/360', 'Leg 2 Day Count': '30E/360', 'Leg 1 Payment Frequency': '6M', 'Leg 2 Payment Frequency': '1Y', 'Party 1 LEI': A, 'Party 2 LEI': B, 'Party 1 Name': 'Party A', 'Party 1 Trade ID': 'TW9235', 'Party 2 Trade ID': 'SW2000', UTI: undefined },
  // Amortising: the notional is notionalStepSchedule/initialValue (steps down to 10m); effective date is after the initial stub.
  'fpml-5-13-confirmation/rates/ird-ex02-stub-amort-swap.xml': { 'Product Type': 'IRS', 'Notional 1': 50000000, 'Currency 1': 'EUR', 'Effective Date': '1995-01-16', 'Termination Date': '1999-12-14', 'Fixed Rate': 0.06, 'Floating Index': 'EUR-LIBOR-BBA' },
  'fpml-5-13-confirmation/rates/ird-ex06-xccy-swap.xml': { ...IRS_1994, 'Product Type': 'Cross Currency Swap', 'Notional 1': 10000000, 'Currency 1': 'USD', 'Notional 2': 1000000000, 'Currency 2': 'JPY', 'Floating Index': 'USD-LIBOR-BBA', 'Floating Index Tenor': '6M' },
  // party2's partyId MCMCUS33 has the dummy-party-id scheme: an id, not an LEI.
  'fpml-5-13-confirmation/rates/ird-ex07-ois-swap.xml': { 'Product Type': 'OIS', 'Trade Date': '2001-01-25', 'Effective Date': '2001-01-29', 'Termination Date': '2001-04-29', 'Notional 1': 100000000, 'Currency 1': 'EUR', 'Fixed Rate': 0.051, 'Floating Index': 'EUR-EONIA-OIS-COMPOUND', 'Leg 1 Payment Frequency': '1T', 'Party 1 LEI': '5493000SCC07UI6DB380', 'Party 2 ID': 'MCMCUS33', 'Party 2 LEI': undefined },
  'fpml-5-13-confirmation/rates/ird-ex08-fra.xml': { 'Product Type': 'FRA', 'Trade Date': '1991-05-14', 'Effective Date': '1991-07-17', 'Termination Date': '1992-01-17', 'Notional 1': 25000000, 'Currency 1': 'CHF', 'Fixed Rate': 0.04, 'Floating Index': 'CHF-LIBOR-BBA', 'Floating Index Tenor': '6M', 'Leg 1 Day Count': 'ACT/360', Buyer: 'TR24TWEY5RVRQV65HD49', Seller: ABN },
  // Strike = underlying fixedRateSchedule 0.05; buyer party1 pays the fixed stream → payer swaption.
  'fpml-5-13-confirmation/rates/ird-ex09-euro-swaption-explicit.xml': { 'Product Type': 'Swaption', 'Trade Date': '2000-08-30', Strike: 0.05, 'Put/Call': 'Payer', 'Option Style': 'European', 'Expiry Date': '2001-08-28', 'Effective Date': '2001-08-30', 'Termination Date': '2006-08-30', 'Notional 1': 100000000, 'Currency 1': 'EUR', 'Floating Index': 'EUR-EURIBOR-Telerate', 'Premium Amount': 100000, 'Premium Currency': 'EUR', 'Premium Payment Date': '2000-08-30', Buyer: 'Party A', Seller: 'Party B' },
  // capRateSchedule/initialValue 0.06 (steps up to 0.07); capRateSchedule/buyer = Receiver → party2 buys.
  'fpml-5-13-confirmation/rates/ird-ex22-cap.xml': { 'Product Type': 'Cap', Strike: 0.06, 'Effective Date': '2001-06-30', 'Termination Date': '2006-06-30', 'Notional 1': 100000000, 'Currency 1': 'EUR', 'Floating Index': 'EUR-EURIBOR-Telerate', 'Floating Index Tenor': '6M', Buyer: 'Party B', Seller: 'Party A', 'Leg Count': 1 },
  // settlementProvision/settlementCurrency USD with a KRW stream: non-deliverable, cash-settled.
  'fpml-5-13-confirmation/rates/ird-ex29-non-deliverable-settlement-swap.xml': { 'Product Type': 'Cross Currency Swap', 'Notional 1': 26415000000, 'Currency 1': 'KRW', 'Notional 2': 25000000, 'Currency 2': 'USD', 'Fixed Rate': 0.0273, 'Floating Index': 'USD-LIBOR-BBA', 'Floating Index Tenor': '3M', 'Effective Date': '2004-12-16', 'Termination Date': '2007-12-16', 'Settlement Currency': 'USD', 'Settlement Type': 'Cash' },
  'fpml-5-13-confirmation/rates/ird-ex42-rfr-compound-swap-pmt-delay.xml': { 'Product Type': 'OIS', 'Trade Date': '2021-08-13', 'Notional 1': 3672000000, 'Currency 1': 'EUR', 'Fixed Rate': 0.002, 'Floating Index': 'EUR-EONIA', 'Effective Date': '2021-08-16', 'Termination Date': '2024-08-16', 'Leg 1 Payment Frequency': '1M', 'Party 1 LEI': '549300ABANKV6BYQOWM67', 'Party 2 LEI': '529900CPTY57S5UCBB52', 'Party 1 Trade ID': 'FpML-test-7' },
  'fpml-5-13-confirmation/rates/ird-ex51-vanilla-swap-with-fallback.xml': { 'Product Type': 'IRS', 'Notional 1': 10000000, 'Currency 1': 'EUR', 'Fixed Rate': 0.00608, 'Floating Index': 'EUR-LIBOR', 'Floating Index Tenor': '3M', 'Effective Date': '2021-08-06', 'Termination Date': '2023-11-06' },

  'fpml-5-13-confirmation/fx/fx-ex01-fx-spot.xml': { 'Product Type': 'FX Spot', 'Message Type': 'requestConfirmation', 'Message ID': 'FX456a789b', 'Trade Date': '2001-10-23', 'Value Date': '2001-10-25', 'Notional 1': 10000000, 'Currency 1': 'GBP', 'Notional 2': 14800000, 'Currency 2': 'USD', 'Exchange Rate': 1.48, 'Quote Basis': 'Currency2PerCurrency1', 'Party 1 LEI': '5493000SCC07UI6DB380', 'Party 2 LEI': B, 'Leg 1 Payer': B },
  'fpml-5-13-confirmation/fx/fx-ex03-fx-fwd.xml': FX_FWD,
  // nonDeliverableSettlement: settlementCurrency USD, fixing/fixingDate 2002-04-09.
  'fpml-5-13-confirmation/fx/fx-ex07-non-deliverable-forward.xml': { 'Product Type': 'FX NDF', 'Value Date': '2002-04-11', 'Notional 1': 10000000, 'Currency 1': 'USD', 'Notional 2': 434000000, 'Currency 2': 'INR', 'Exchange Rate': 43.4, 'Settlement Currency': 'USD', 'Settlement Type': 'Cash', 'Fixing Date': '2002-04-09' },
  'fpml-5-13-confirmation/fx/fx-ex08-fx-swap.xml': FX_SWAP,
  'fpml-5-13-confirmation/fx/fx-ex09-euro-opt.xml': FX_OPT,
  // americanExercise/expiryDate and latestValueDate.
  'fpml-5-13-confirmation/fx/fx-ex10-amer-opt.xml': { ...FX_OPT, 'Trade Date': '2001-12-04', 'Option Style': 'American' },
  // Four identifiers: issuer UTIPREFIX with issuerIdScheme …/issuer-identifier is the UTI; USIPREFIX (…/cftc/issuer-identifier) the USI.
  'fpml-5-13-confirmation/fx/fx-ex29-fx-swap-with-multiple-identifiers.xml': { 'Product Type': 'FX Swap', 'Message Type': 'executionNotification', UTI: 'UTIPREFIXUTITRADEID', 'UTI Trade ID': 'UTITRADEID', USI: 'USIPREFIXUSITRADEID', 'Value Date': '2012-01-25', 'Far Value Date': '2002-02-25', 'Notional 1': 10000000, 'Far Notional 2': 15000000 },

  'fpml-5-13-confirmation/credit/cd-ex01-long-asia-corp-fixreg.xml': { 'Product Type': 'CDS', 'Reference Entity': 'ACOM CO., LTD.', 'Reference Entity ID': '004CC9', 'Reference Obligation': 'JP310860A032', 'Fixed Rate': 0.007, 'Notional 1': 500000000, 'Currency 1': 'JPY', 'Effective Date': '2002-12-05', 'Termination Date': '2007-12-05', Buyer: A, Seller: XYZ, 'Leg 1 Payment Frequency': '3M', 'Settlement Type': 'Physical' },
  'fpml-5-13-confirmation/credit/cd-ex07-long-euro-corp-fixreg.xml': { 'Product Type': 'CDS', 'Reference Entity': 'Invensys plc', 'Reference Entity ID': '4A7324', 'Fixed Rate': 0.009, 'Notional 1': 5000000, 'Currency 1': 'EUR', 'Effective Date': '2002-12-03', 'Termination Date': '2008-01-15' },
  // feeLeg/initialPayment: USD 1000 upfront; fixedAmountCalculation/fixedRate 0.01 (marketFixedRate 0.02 is not the coupon).
  'fpml-5-13-confirmation/credit/cd-ex18-standard-north-american-corp.xml': { 'Product Type': 'CDS', 'Reference Entity': 'TENET HEALTHCARE CORPORATION', 'Reference Entity ID': '8G836J', 'Fixed Rate': 0.01, 'Notional 1': 5000000, 'Currency 1': 'USD', 'Effective Date': '2009-03-26', 'Termination Date': '2014-06-20', 'Premium Amount': 1000, 'Premium Currency': 'USD', 'Premium Payment Date': '2009-03-28', Buyer: XYZ },
  'fpml-5-13-confirmation/credit/cdindex-ex01-cdx.xml': { 'Product Type': 'CDS Index', 'Index Name': 'Dow Jones CDX NA IG.2', 'Index Series': 2, 'Fixed Rate': 0.006, 'Notional 1': 25000000, 'Currency 1': 'USD', 'Effective Date': '2004-03-23', 'Termination Date': '2009-03-20', 'Premium Amount': 16000 },
  // Party ids use the dummy-person-id scheme: no LEI.
  'fpml-5-13-confirmation/credit/cdindex-ex02-iTraxx.xml': { 'Product Type': 'CDS Index', 'Index Name': 'Dow Jones iTraxx Europe Consumers Series 2 Version 1', 'Index Series': 2, 'Index Version': 1, 'Notional 1': 25000000, 'Currency 1': 'USD', 'Termination Date': '2010-03-20', 'Effective Date': undefined, 'Fixed Rate': undefined, 'Premium Amount': 17000, 'Premium Currency': 'EUR', 'Party 1 LEI': undefined, 'Party 1 ID': '549300X5I608U02HAI25' },

  // interestLeg/notional/relativeNotionalAmount href="EquityNotionalAmount" resolves to the return leg's USD 28,469,376.
  // effectiveDate/terminationDate are relativeDate only: left blank.
  'fpml-5-13-confirmation/equity/eqs-ex01-single-underlyer-execution-long-form.xml': { 'Product Type': 'Equity Swap', 'Message Type': 'requestConfirmation', Underlying: 'SHPGY.O', Quantity: 760400, Price: 37.44, 'Price Currency': 'USD', 'Notional 1': 28469376, 'Currency 1': 'USD', 'Notional 2': 28469376, 'Currency 2': 'USD', 'Leg 2 Floating Index': 'USD-LIBOR-BBA', 'Leg 2 Index Tenor': '1M', 'Leg 2 Spread': 0.002, 'Return Type': 'Total', 'Effective Date': undefined },
  'fpml-5-13-confirmation/equity/eqs-ex06-single-index-long-form.xml': { 'Product Type': 'Equity Swap', 'Message Type': 'confirmationAgreed', Underlying: '.FCHI', 'Underlying Description': 'France CAC 40 Index', 'Notional 1': 5591987.41, 'Currency 1': 'USD', 'Floating Index': 'EUR-EURIBOR-Telerate', 'Floating Index Tenor': '3M', 'Leg 2 Spread': 0.005, 'Return Type': 'Price' },
  // spreadSchedule/initialValue is written as 125.0 (basis points) in this CFD: kept as written.
  'fpml-5-13-confirmation/equity/eqs-ex17-cfd.xml': { 'Product Type': 'Equity Swap', 'Source Product Type': 'EQCFD', Underlying: 'XYZ.N', Quantity: 48000, 'Notional 1': 3840000, 'Currency 1': 'USD', 'Effective Date': '2009-10-07', 'Termination Date': '2019-10-01', 'Leg 2 Spread': 125 },
  'fpml-5-13-confirmation/equity/trs-ex02-single-equity.xml': { 'Product Type': 'Equity Swap', Underlying: 'SHPGY.O', 'Notional 1': 28469376, 'Currency 1': 'USD', 'Notional 2': 19785157.16, 'Currency 2': 'EUR', 'Effective Date': '2004-10-12', 'Termination Date': '2006-10-12', 'Party 1 LEI': 'QGPGHQ1ENZOOLJRFTH41', 'Party 2 LEI': 'J6W9XJWVE853A9CVRQ85' },

  // 5.10: the UTI is issuer (LEI) + tradeId with tradeIdScheme …/uti; no party references in the header.
  'fpml-5-10-confirmation/rates/EUR-OIS-uti.xml': { ...UTI510, 'Product Type': 'OIS', 'Trade Date': '2018-01-26', 'Notional 1': 34900000, 'Currency 1': 'EUR', 'Fixed Rate': 0.0004568, 'Floating Index': 'EUR-EONIA-OIS-COMPOUND', 'Effective Date': '2018-03-12', 'Termination Date': '2022-10-07' },
  'fpml-5-10-confirmation/rates/EUR-Vanilla-uti.xml': { ...UTI510, 'Product Type': 'IRS', 'Trade Date': '2018-01-29', 'Notional 1': 10000000, 'Currency 1': 'EUR', 'Fixed Rate': 0.006982, 'Floating Index': 'EUR-EURIBOR-Reuters', 'Floating Index Tenor': '6M', 'Effective Date': '2015-03-06', 'Termination Date': '2025-03-06' },
  'fpml-5-10-confirmation/rates/GBP-OIS-uti.xml': { ...UTI510, 'Product Type': 'OIS', 'Notional 1': 750000000, 'Currency 1': 'GBP', 'Fixed Rate': 0.002875, 'Floating Index': 'GBP-SONIA-COMPOUND', 'Leg 1 Day Count': 'ACT/365.FIXED', 'Effective Date': '2018-04-13', 'Termination Date': '2019-04-13' },
  // The fixed leg (first stream) is paid by party2, so party2 is the first counterparty the product names.
  'fpml-5-10-confirmation/rates/USD-Vanilla-uti.xml': { ...UTI510, 'Party 1 LEI': '48750084UKLVTR22DS78', 'Party 2 LEI': '54930084UKLVMY22DS16', 'Product Type': 'IRS', 'Notional 1': 525000000, 'Currency 1': 'USD', 'Fixed Rate': 0.0296, 'Floating Index': 'USD-LIBOR-BBA', 'Effective Date': '2018-03-05', 'Termination Date': '2027-03-05' },
  'fpml-5-10-confirmation/rates/ird-ex06-xccy-swap-uti.xml': { ...UTI510, ...IRS_1994, 'Product Type': 'Cross Currency Swap', 'Notional 1': 10000000, 'Currency 1': 'USD', 'Notional 2': 1000000000, 'Currency 2': 'JPY' },
  'fpml-5-10-confirmation/fx/fx-ex03-fx-fwd.xml': { ...FX_FWD, 'FpML Version': '5-10', 'Message Type': 'dataDocument' },
  'fpml-5-10-confirmation/fx/fx-ex08-fx-swap.xml': { ...FX_SWAP, 'FpML Version': '5-11' },
  'fpml-5-10-confirmation/fx/fx-ex09-euro-opt.xml': { ...FX_OPT, 'FpML Version': '5-11' },
};

describe('FpML confirmation fixtures', () => {
  const files = existsSync(DIR) ? xmlFilesUnder(DIR).map((f) => f.slice(DIR.length + 1)) : [];

  it('finds all 34 fixture files, and the expectations cover every one', () => {
    expect(files).toHaveLength(34);
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s reads to one trade row with no findings', (rel) => {
    const result = read(rel);
    expect(result.findings).toEqual([]);
    expect(result.table?.rowCount).toBe(1);
    expect(result.table?.origin.rowNumbers).toEqual(Int32Array.of(1));
  });

  it.each(Object.entries(EXPECTED))('%s has the economics read by hand', (rel, expected) => {
    const table = read(rel).table!;
    expect(rowOf(table)).toMatchObject({ 'FpML View': 'confirmation', ...expected });
  });
});
