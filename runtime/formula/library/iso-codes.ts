/**
 * Reference data and check-digit algorithms for the identifier validators (LEI_VALID,
 * ISIN_VALID, CFI_VALID, MIC_VALID, CCY_VALID). Pure so readers can reuse them.
 */

/**
 * ISO 10962:2021 CFI categories and the groups each allows (second character), as published
 * by the maintenance agency (SIX). The 2021 edition folded the older preference-share groups
 * R and V into P and F.
 */
export const CFI_GROUPS: Readonly<Record<string, string>> = Object.freeze({
  E: 'CDFLMPSY', // Equities
  C: 'BEFHIMPS', // Collective investment vehicles
  D: 'ABCDEGMNSTWY', // Debt instruments
  R: 'ADFMPSW', // Entitlements (rights)
  O: 'CMP', // Listed options
  F: 'CF', // Futures
  S: 'CEFMRT', // Swaps
  H: 'CEFMRT', // Non-listed and complex listed options
  I: 'FT', // Spot
  J: 'CEFRT', // Forwards
  K: 'CEFMRTY', // Strategies
  L: 'LRS', // Financing
  T: 'BCDIMRT', // Referential instruments
  M: 'CM', // Others (miscellaneous)
});

/**
 * ISO 4217 List One active alphabetic codes (published list of 2024-06-25 plus XCG, the
 * Caribbean guilder, from 2025-03-31), including fund codes (BOV, CHE, CHW, CLF, COU, MXV,
 * USN, UYI, UYW) and the X codes for metals, SDR, bond-market units, testing (XTS) and no
 * currency (XXX). Withdrawn codes such as HRK, SLL, ZWL, VEF are not active. ANG stays listed
 * during its replacement by XCG.
 */
export const ISO_4217_ACTIVE: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN ' +
    'BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ' +
    'ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK ' +
    'JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK ' +
    'MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN ' +
    'PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
    'TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU ' +
    'XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG'
  ).split(' '),
);

/** Letters as two-digit numbers (A=10 .. Z=35), digits unchanged: the expansion LEIs and ISINs use. */
export function expandAlnum(s: string): string {
  let out = '';
  for (const ch of s) out += ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
  return out;
}

/** ISO 7064 MOD 97-10 remainder of a digit string, computed in chunks to stay within doubles. */
export function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) r = Number(`${r}${digits.slice(i, i + 7)}`) % 97;
  return r;
}

/** ISO 17442: 18 alphanumerics and 2 check digits, MOD 97-10 of the expansion equals 1. */
export function isValidLei(s: string): boolean {
  return /^[A-Z0-9]{18}[0-9]{2}$/.test(s) && mod97(expandAlnum(s)) === 1;
}

/** Luhn check over a digit string, including its check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 6166: country prefix, 9 alphanumerics, Luhn check digit over the letter expansion. */
export function isValidIsin(s: string): boolean {
  return /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(s) && luhnValid(expandAlnum(s));
}

/** ISO 10962 structure: 6 letters, a known category and a group valid for it. */
export function isValidCfi(s: string): boolean {
  return /^[A-Z]{6}$/.test(s) && (CFI_GROUPS[s[0]] ?? '').includes(s[1]);
}

/** ISO 10383 format only (4 upper-case alphanumerics); whether the MIC is registered needs the list. */
export const isValidMicFormat = (s: string): boolean => /^[A-Z0-9]{4}$/.test(s);

export const isActiveCurrency = (s: string): boolean => ISO_4217_ACTIVE.has(s);
