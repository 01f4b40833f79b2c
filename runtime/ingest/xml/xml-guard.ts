/**
 * Hostile XML is refused before any parser sees it. Browser-safe.
 *
 *   entity declarations  a DOCTYPE whose internal subset declares entities (<!ENTITY …>) is
 *                        refused: internal ones can expand exponentially ("billion laughs"),
 *                        external ones (SYSTEM/PUBLIC) name files or URLs to read (XXE). Trade
 *                        and report files never need them.
 *   parameter entities   likewise (<!ENTITY % …>, %name; in the subset)
 * A DOCTYPE that only names an external DTD is allowed: nothing fetches it.
 *
 * As a second line, the reader runs fast-xml-parser with processEntities off and decodes only
 * the five predefined entities and character references itself (decodeXmlText), so no entity
 * can expand even if one slipped past this check.
 */
export type XmlGuardResult = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string; readonly line: number };

export function guardXml({ text, source }: { text: string; source: string }): XmlGuardResult {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return { ok: true };
  const line = lineAt(text, doctype.index);
  // The DOCTYPE runs to its closing '>' after any [internal subset].
  const open = text.indexOf('[', doctype.index);
  const close = text.indexOf('>', doctype.index);
  if (open < 0 || (close >= 0 && close < open)) return { ok: true };
  const end = text.indexOf(']', open);
  const subset = text.slice(open, end < 0 ? text.length : end);
  const entity = /<!ENTITY\s+(%\s*)?[^\s>]+\s*(SYSTEM|PUBLIC)?/i.exec(subset);
  if (!entity) return { ok: true };
  const external = entity[2] !== undefined;
  return {
    ok: false,
    code: external ? 'xml-external-entity' : 'xml-entity-declaration',
    line,
    message: external
      ? `${source} declares an external entity (<!ENTITY … ${entity[2].toUpperCase()} …>) in its DOCTYPE, which would make the reader open another file or URL (XXE). It was refused; remove the DOCTYPE and export the file again.`
      : `${source} declares entities (<!ENTITY …>) in its DOCTYPE, which can expand to gigabytes ("billion laughs"). It was refused; remove the DOCTYPE and export the file again.`,
  };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The predefined entities and &#…; references, in one pass (so &amp;lt; stays "&lt;"). */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref];
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
