import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

/**
 * A template document's content hash: SHA-256 over its canonical JSON (sorted keys, no
 * whitespace), so the same template hashes the same however its keys were ordered or spaced.
 * It is the same hash the runner records for a run (runtime/runner/run-outputs.ts), so a run's
 * template hash and its version's content hash can be compared directly.
 */
export function templateContentHash(input: { document: unknown }): string {
  return createHash('sha256').update(canonicalJson(input.document), 'utf8').digest('hex');
}

/** Documents are JSON objects; their schema is checked by runtime/template (parseTemplate). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function documentProblem(input: { document: unknown }): string | null {
  const doc = input.document;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'The template document must be a JSON object, e.g. {"kind": "mapping", …}.';
  if (canonicalJson(doc).length > MAX_DOCUMENT_BYTES) return 'The template document is larger than 5 MB; move reference data into an uploaded file.';
  return null;
}
