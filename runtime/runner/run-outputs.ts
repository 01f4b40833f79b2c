/**
 * A finished run → its files: each output the template declares (or one CSV per source when it
 * declares none) plus summary.json with counts, findings, durations, input hashes and the
 * template hash. All written or none.
 */
import { createHash } from 'node:crypto';
import type { Template } from '../template/schema';
import { canonicalJson } from '../template/canonical-json';
import type { RunResult } from './run-template';
import { exceptionCsv } from '../recon/node/exception-report';
import type { Break, NwayBreak } from '../recon/types';
import { encodeOutput, writeAllOrNothing } from './write-outputs';

export function templateHash(template: Template): string {
  return createHash('sha256').update(canonicalJson(template)).digest('hex');
}

export function runSummary({ result, template, businessDate }: { result: RunResult; template: Template; businessDate: string }) {
  const count = (severity: string) => result.findings.filter((f) => f.severity === severity).length;
  return {
    ok: result.ok,
    template: { name: template.name, kind: template.kind, schemaVersion: template.schemaVersion, sha256: templateHash(template) },
    businessDate,
    inputs: result.sources.map((s) => ({ source: s.name, files: s.files })),
    counts: {
      sources: Object.fromEntries(result.sources.map((s) => [s.name, { rows: s.rows, mapped: s.mapped?.rowCount ?? 0, validationFailures: s.validationFailures }])),
      findings: { error: count('error'), warning: count('warning'), info: count('info') },
    },
    ...(result.match ? { match: { breaks: result.match.breaks.length, summary: result.match.summary } } : {}),
    durationsMs: result.durationsMs,
    findings: result.findings,
  };
}

export async function writeRunOutputs({ dir, result, template, businessDate }: { dir: string; result: RunResult; template: Template; businessDate: string }): Promise<string[]> {
  const bySource = new Map(result.sources.map((s) => [s.name, s]));
  const outputs = template.outputs.length || template.kind !== 'mapping'
    ? template.outputs.map((o) => ({ ...o, source: sourceOf(template, o.columns) }))
    : template.sources.map((s) => ({ name: s.name, format: 'csv' as const, columns: undefined, source: s.name }));
  const files = outputs.flatMap((o) => {
    const mapped = bySource.get(o.source)?.mapped;
    if (!mapped) return [];
    const fileName = `${o.name}.${o.format}`;
    return [{ name: fileName, bytes: encodeOutput({ fileName, format: o.format, table: mapped, columns: o.columns, fileNames: result.fileNames }) }];
  });
  if (result.match) {
    const { breaks, keyNames, fields, sources } = result.match;
    files.push({ name: 'breaks.csv', bytes: exceptionCsv({ breaks: breaks as Break[] | NwayBreak[], keyNames, fields, sources }) });
  }
  const summary = runSummary({ result, template, businessDate });
  files.push({ name: 'summary.json', bytes: new TextEncoder().encode(`${JSON.stringify(summary, null, 2)}\n`) });
  return writeAllOrNothing({ dir, files });
}

/** The source whose mappings produce an output's columns (the first source when it names none). */
function sourceOf(template: Template, columns: readonly string[] | undefined): string {
  if (!columns?.length) return template.sources[0].name;
  const found = Object.entries(template.mappings).find(([, ms]) => ms.some((m) => m.target === columns[0]));
  return found?.[0] ?? template.sources[0].name;
}
