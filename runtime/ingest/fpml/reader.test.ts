import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialFromYmd } from '../../formula/library/dates';
import { columnByName } from '../../table/table';
import { COLUMNS } from './columns';
import { fpmlReader, readFpmlBytes } from './reader';
import { rowOf, SHARED_FIXTURES, textSource as bytesSource } from './test-sources';

const NS = 'http://www.fpml.org/FpML-5/confirmation';
const enc = (s: string) => new TextEncoder().encode(s);
const readText = (text: string | Uint8Array, name = 'f.xml') => readFpmlBytes({ bytes: typeof text === 'string' ? enc(text) : text, name, datasetId: 'id' });
const codes = (r: { findings: readonly { severity: string; code: string }[] }) => r.findings.map((f) => `${f.severity} ${f.code}`);

const header = (id: string) => `<tradeHeader><partyTradeIdentifier><partyReference href="p1"/><tradeId>${id}</tradeId></partyTradeIdentifier><tradeDate>2024-03-01</tradeDate></tradeHeader>`;
const fxLeg = (amount = '1000000') => `<fxSingleLeg>
  <exchangedCurrency1><payerPartyReference href="p1"/><receiverPartyReference href="p2"/><paymentAmount><currency>EUR</currency><amount>${amount}</amount></paymentAmount></exchangedCurrency1>
  <exchangedCurrency2><payerPartyReference href="p2"/><receiverPartyReference href="p1"/><paymentAmount><currency>USD</currency><amount>1085000</amount></paymentAmount></exchangedCurrency2>
  <valueDate>2024-06-05</valueDate>
  <exchangeRate><quotedCurrencyPair><currency1>EUR</currency1><currency2>USD</currency2><quoteBasis>Currency2PerCurrency1</quoteBasis></quotedCurrencyPair><rate>1.085</rate></exchangeRate>
</fxSingleLeg>`;
const parties = `<party id="p1"><partyId partyIdScheme="http://www.fpml.org/coding-scheme/external/iso17442">549300VBWWV6BYQOWM67</partyId><partyName>Party A</partyName></party>
<party id="p2"><partyId>529900DTJ5A7S5UCBB52</partyId></party>`;
const doc = (...trades: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<dataDocument xmlns="${NS}" fpmlVersion="5-13">\n${trades.map((t) => `<trade>\n${t}\n</trade>`).join('\n')}\n${parties}\n</dataDocument>\n`;

describe('fpmlReader: contract and sniffing', () => {
  it('declares the fpml format for .xml and .fpml files', () => {
    expect(fpmlReader.format).toBe('fpml');
    expect(fpmlReader.extensions).toEqual(['.xml', '.fpml']);
  });

  it('recognises FpML by namespace or root, and nothing else', () => {
    const fixture = readFileSync(join(SHARED_FIXTURES, 'fpml/fpml-5-13-confirmation/fx/fx-ex01-fx-spot.xml'));
    const sniff = (s: string | Uint8Array) => fpmlReader.sniff(typeof s === 'string' ? enc(s) : s, 'f.xml');
    expect(sniff(fixture.subarray(0, 4096))).toBe(true);
    expect(sniff(`\uFEFF<?xml version="1.0"?><fpml:dataDocument xmlns:fpml="${NS}">`)).toBe(true);
    expect(sniff('<nonpublicExecutionReport xmlns="http://www.fpml.org/FpML-5/recordkeeping" fpmlVersion="5-10">')).toBe(true);
    expect(sniff(`<?xml version="1.0"?>\n<!-- c -->\n<requestConfirmation xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:sch`)).toBe(true);
    expect(sniff('trade_id,notional\n1,100\n')).toBe(false);
    expect(sniff('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:auth.030.001.03">')).toBe(false);
    expect(sniff('<?xml version="1.0"?><trades><trade><id>1</id></trade></trades>')).toBe(false);
  });

  it('reads a ByteSource: dataset id from its SHA-256, progress reported, profile per column', async () => {
    const source = bytesSource('fx.fpml', doc(header('FX1') + fxLeg()));
    const progress: number[] = [];
    const result = await fpmlReader.read({ source, onProgress: (n) => progress.push(n) });
    expect(result.findings).toEqual([]);
    expect(result.table?.origin.datasetId).toBe(source.sha256);
    expect(result.details).toEqual({ messageType: 'dataDocument', view: 'confirmation', fpmlVersion: '5-13', trades: 1 });
    expect(progress).toEqual([source.sizeBytes]);
    expect(result.profile.map((p) => p.name)).toEqual(COLUMNS.map((c) => c.name));
    expect(result.profile.find((p) => p.name === 'Value Date')).toMatchObject({ type: 'date', nulls: 0, distinct: 1, examples: ['2024-06-05'] });
  });
});

describe('fpmlReader: table shape', () => {
  const result = readText(doc(header('FX1') + fxLeg(), header('FX2') + fxLeg('2000000')));
  const table = result.table!;

  it('has the fixed columns, typed, one row per trade, row origin = trade index', () => {
    expect(table.columns.map((c) => [c.name, c.type])).toEqual(COLUMNS.map((c) => [c.name, c.type]));
    expect(table.rowCount).toBe(2);
    expect(table.origin.rowNumbers).toEqual(Int32Array.of(1, 2));
    for (const c of table.columns) expect(c.type === 'text' ? c.codes.length : c.values.length).toBe(2);
  });

  it('stores dates as Excel serials, rates as decimal fractions, blanks in the null mask', () => {
    const trade = columnByName(table, 'Trade Date')!;
    expect(trade.type === 'date' && trade.values[0]).toBe(serialFromYmd(2024, 3, 1));
    const rate = columnByName(table, 'Exchange Rate')!;
    expect(rate.type === 'number' && rate.values[1]).toBe(1.085);
    const strike = columnByName(table, 'Strike')!;
    expect(strike.type === 'number' && Array.from(strike.nulls ?? [])).toEqual([1, 1]);
    const ccy = columnByName(table, 'Currency 1')!;
    expect(ccy.type === 'text' && ccy.dictionary).toEqual(['EUR']);
    expect(rowOf(table, 1)).toMatchObject({ 'Trade ID': 'FX2', 'Notional 1': 2000000, 'Product Type': 'FX Forward', 'Party 1 LEI': '549300VBWWV6BYQOWM67', 'Party 2 LEI': '529900DTJ5A7S5UCBB52', 'Party 1 Name': 'Party A' });
  });
});

describe('fpmlReader: several trades, unknown products, bad values', () => {
  const text = doc(
    header('FX1') + fxLeg(),
    header('BO1') + '<bondOption><buyerPartyReference href="p1"/><sellerPartyReference href="p2"/></bondOption>',
    header('FX3') + fxLeg('1,000,000'),
  );
  const result = readText(text, 'three.xml');

  it('reads each trade to a row, in file order', () => {
    expect(result.table!.rowCount).toBe(3);
    expect([0, 1, 2].map((r) => rowOf(result.table!, r)['Trade ID'])).toEqual(['FX1', 'BO1', 'FX3']);
  });

  it('keeps an unknown product as a row with identity only, and says so at its row and line', () => {
    expect(rowOf(result.table!, 1)).toMatchObject({ 'FpML Product': 'bondOption', 'Product Type': undefined, 'Trade Date': '2024-03-01', 'Party 1 LEI': '549300VBWWV6BYQOWM67' });
    const unknown = result.findings.find((f) => f.code === 'fpml-unknown-product')!;
    expect(unknown).toMatchObject({ severity: 'warning', location: { source: 'three.xml', row: 2, column: 'Product Type' } });
    const tradeLines = text.split('\n').flatMap((l, i) => (l === '<trade>' ? [i + 1] : []));
    expect(unknown.message).toContain(`(trade 2, line ${tradeLines[1]})`);
  });

  it('reports a value that is not a number against its row and column, and leaves it blank', () => {
    const bad = result.findings.find((f) => f.code === 'fpml-bad-number')!;
    expect(bad).toMatchObject({ severity: 'warning', location: { row: 3, column: 'Notional 1' } });
    expect(bad.message).toContain('"1,000,000"');
    expect(rowOf(result.table!, 2)['Notional 1']).toBeUndefined();
  });

  it('reports an impossible date', () => {
    const r = readText(doc(header('X').replace('2024-03-01', '2024-02-30') + fxLeg()));
    expect(r.findings).toMatchObject([{ code: 'fpml-bad-date', location: { row: 1, column: 'Trade Date' } }]);
  });
});

describe('fpmlReader: hostile and broken input is a finding, never an exception', () => {
  const refused = (text: string | Uint8Array, code: string) => {
    const r = readText(text);
    expect(r.table).toBeUndefined();
    expect(codes(r)).toEqual([`error ${code}`]);
    return r.findings[0];
  };

  it('refuses external entities (XXE) without reading them', () => {
    const f = refused(`<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<dataDocument xmlns="${NS}"><trade>${header('X')}&x;</trade></dataDocument>`, 'fpml-doctype-refused');
    expect(f.location.row).toBe(2);
    expect(f.message).not.toContain('root:');
  });

  it('refuses entity expansion bombs (billion laughs)', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    refused(`<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol}\n]>\n<dataDocument xmlns="${NS}">&lol9;</dataDocument>`, 'fpml-doctype-refused');
  });

  it('says a truncated file is truncated, naming the open elements', () => {
    const full = readFileSync(join(SHARED_FIXTURES, 'fpml/fpml-5-13-confirmation/rates/ird-ex01-vanilla-swap.xml'), 'utf8');
    const f = refused(full.slice(0, full.indexOf('</swapStream>')), 'fpml-truncated');
    expect(f.message).toMatch(/<swapStream>, <swap>, <trade>, <dataDocument> are closed/);
    const mid = refused(full.slice(0, Math.floor(full.length / 2)), 'fpml-truncated');
    expect(mid.location.row).toBe(full.slice(0, Math.floor(full.length / 2)).split('\n').length);
  });

  it('refuses random bytes and random text named .xml', () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    refused(random, 'fpml-not-xml');
    refused('Lorem ipsum dolor sit amet, 1,2,3\n', 'fpml-not-xml');
    refused('<<<>>> <a <b></c>', 'fpml-malformed');
    refused('', 'fpml-empty');
    refused(' \n\t ', 'fpml-empty');
  });

  it('refuses XML that is not FpML, pointing to the XML reader', () => {
    const f = refused('<?xml version="1.0"?><trades><trade><tradeHeader/></trade></trades>', 'fpml-not-fpml');
    expect(f.message).toContain('XML reader');
    refused('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:auth.030.001.03"><x/></Document>', 'fpml-not-fpml');
  });

  it('refuses two roots, absurd nesting and prototype-polluting names', () => {
    refused(`<dataDocument xmlns="${NS}"/><dataDocument xmlns="${NS}"/>`, 'fpml-malformed');
    refused(`<dataDocument xmlns="${NS}">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</dataDocument>`, 'fpml-malformed');
    refused(`<dataDocument xmlns="${NS}"><trade>${header('X')}<__proto__><polluted>1</polluted></__proto__></trade></dataDocument>`, 'fpml-malformed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns on an FpML message without trades and returns an empty table', () => {
    const r = readText(`<confirmationStatus xmlns="${NS}" fpmlVersion="5-13"><header><messageId>M1</messageId></header></confirmationStatus>`);
    expect(r.table?.rowCount).toBe(0);
    expect(codes(r)).toEqual(['warning fpml-no-trades']);
  });
});

describe('fpmlReader: limits, cancellation, options, I/O errors', () => {
  const three = doc(header('A') + fxLeg(), header('B') + fxLeg(), header('C') + fxLeg());

  it('refuses a file over maxBytes before reading it', async () => {
    const r = await fpmlReader.read({ source: bytesSource('big.xml', three), limits: { maxBytes: 100 } });
    expect(r.table).toBeUndefined();
    expect(codes(r)).toEqual(['error fpml-too-large']);
  });

  it('stops at maxRows with a warning', async () => {
    const r = await fpmlReader.read({ source: bytesSource('three.xml', three), limits: { maxRows: 2 } });
    expect(r.table?.rowCount).toBe(2);
    expect(r.findings).toMatchObject([{ code: 'fpml-row-limit', severity: 'warning', location: { row: 3 } }]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await fpmlReader.read({ source: bytesSource('three.xml', three), signal: controller.signal });
    expect(codes(r)).toEqual(['error fpml-aborted']);
  });

  it('refuses options it does not take, like every reader', async () => {
    const r = await fpmlReader.read({ source: bytesSource('three.xml', three), options: { delimiter: ';' } });
    expect(r.table).toBeUndefined();
    expect(r.findings).toMatchObject([{ code: 'bad-reader-option', severity: 'error', message: expect.stringContaining('`delimiter`') }]);
  });

  it('turns a failing source into a finding', async () => {
    const source = { ...bytesSource('gone.xml', three), readAll: () => Promise.reject(new Error('EIO: disk gone')) };
    const r = await fpmlReader.read({ source });
    expect(r.findings).toMatchObject([{ code: 'fpml-read-failed', severity: 'error', message: expect.stringContaining('EIO') }]);
  });
});
