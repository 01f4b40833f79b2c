import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codesOf, namesOf, readWith, rowsOf, typesOf } from '../test-support';
import { xmlReader } from './xml-reader';

const read = (text: string | Uint8Array, options?: Record<string, unknown>) => readWith(xmlReader, text, { name: 'f.xml', options });

const REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<rpt:Document xmlns:rpt="urn:example:report">
  <Hdr><RptgDt>2026-11-21</RptgDt></Hdr>
  <Tx id="T1" status="NEWT">
    <Px ccy="EUR">101.25</Px>
    <Qty>1,000</Qty>
    <Leg><Ntnl>5</Ntnl></Leg>
    <Leg><Ntnl>6</Ntnl></Leg>
    <Nm>Smith &amp; Co &#8364;</Nm>
  </Tx>
  <Tx id="T2" status="CANC">
    <Px>99</Px>
    <Qty>250</Qty>
    <Nm><![CDATA[A & B <raw>]]></Nm>
  </Tx>
</rpt:Document>`;

describe('xml reader', () => {
  it('finds the repeating record element and makes attributes and children columns', async () => {
    const r = await read(REPORT);
    expect(r.details).toEqual({ rowPath: 'Document/Tx' });
    expect(codesOf(r)).toEqual(['rows-found-at']);
    expect(namesOf(r.table)).toEqual(['Px', 'Px.ccy', 'Qty', 'Leg.1.Ntnl', 'Leg.2.Ntnl', 'Nm', 'id', 'status']);
    expect(typesOf(r.table)).toEqual(['number', 'text', 'number', 'number', 'number', 'text', 'text', 'text']);
    expect(rowsOf(r.table)).toEqual([
      ['101.25', 'EUR', '1000', '5', '6', 'Smith & Co €', 'T1', 'NEWT'],
      ['99', '', '250', '', '', 'A & B <raw>', 'T2', 'CANC'],
    ]);
    expect([...r.table!.origin.rowNumbers]).toEqual([1, 2]);
  });

  it('takes a row path from the root or from anywhere, with or without namespace prefixes', async () => {
    for (const rowPath of ['Document/Tx', '/rpt:Document/Tx', 'Document.Tx', 'Tx']) {
      expect((await read(REPORT, { rowPath })).table?.rowCount).toBe(2);
    }
    expect(rowsOf((await read(REPORT, { rowPath: 'Tx/Leg' })).table)).toEqual([['5'], ['6']]);
  });

  it('refuses a row path that matches nothing, naming the root', async () => {
    const r = await read(REPORT, { rowPath: 'Document/Trade' });
    expect(r.findings[0]).toMatchObject({ code: 'no-rows-at-path', severity: 'error' });
    expect(r.findings[0].message).toMatch(/<Document>/);
  });

  it('refuses XML that is not well-formed, with the line', async () => {
    const r = await read('<a>\n<b>text</c>\n</a>');
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'bad-xml', severity: 'error', location: { source: 'f.xml', row: 2 } });
  });

  it('honours the encoding the declaration names', async () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><r><x><n>Z\u00fcrich</n></x><x><n>B</n></x></r>';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(rowsOf((await read(bytes)).table)).toEqual([['Zürich'], ['B']]);
  });

  it('reads the synthetic MiFIR report from the shared fixtures', async () => {
    const bytes = readFileSync('/work/shared/fixtures/seeds/openreg/seed_output_mifir_direct_first2tx.xml');
    const r = await readWith(xmlReader, new Uint8Array(bytes), { name: 'mifir.xml' });
    expect(r.details).toEqual({ rowPath: 'Document/FinInstrmRptgTxRpt/Tx' });
    const profile = Object.fromEntries(r.profile.map((p) => [p.name, p.type]));
    expect(profile).toMatchObject({ TxId: 'text', TradDt: 'datetime', Qty: 'number', 'Pric.Amt': 'number', InvstmtPtyInd: 'boolean', 'Buyr.AcctOwnr.Id.Id': 'text' });
  });
});
