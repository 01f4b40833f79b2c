import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../finding';
import { parseTemplate } from '../template/validate';
import type { Template } from '../template/schema';

/** A template from a template.json path or a folder holding one (templates/<name>). */
export async function loadTemplateFile(target: string): Promise<{ ok: true; template: Template; file: string } | { ok: false; findings: Finding[] }> {
  const info = await stat(target).catch(() => undefined);
  const file = info?.isDirectory() ? path.join(target, 'template.json') : target;
  const refuse = (message: string, code = 'template-unreadable'): { ok: false; findings: Finding[] } => ({ ok: false, findings: [{ code, severity: 'error', message, location: { source: file } }] });
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return refuse(`No template at ${file}: give a template.json or a folder that holds one.`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refuse(`${file} is not valid JSON: ${(e as Error).message}`, 'template-json');
  }
  const parsed = parseTemplate({ doc, source: file });
  return parsed.ok ? { ok: true, template: parsed.template, file } : { ok: false, findings: [...parsed.findings] };
}
