import { canonicalJson } from '../template/canonical-json';
import type { AuditEntry } from '../store/repositories/audit-log';

/**
 * The audit log as CSV (RFC 4180: CRLF line ends, quotes doubled). Cells that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) are prefixed with an
 * apostrophe, so opening the export in Excel runs nothing. The summary column is canonical
 * JSON, the text the entry's hash covers.
 */
export const AUDIT_CSV_COLUMNS = ['seq', 'ts', 'actor', 'action', 'entity', 'summary', 'correlation_id', 'prev_hash', 'hash'] as const;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvRow(entry: AuditEntry): string {
  return [
    String(entry.seq), entry.ts.toISOString(), entry.actor, entry.action, entry.entity,
    canonicalJson(entry.summary), entry.correlationId ?? '', entry.prevHash, entry.hash,
  ].map(cell).join(',');
}

export function auditCsv({ entries }: { entries: readonly AuditEntry[] }): string {
  return [AUDIT_CSV_COLUMNS.join(','), ...entries.map(auditCsvRow)].join('\r\n') + '\r\n';
}
