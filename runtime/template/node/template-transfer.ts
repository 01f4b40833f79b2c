import type { App } from '../../app/open-app';
import { refuse, succeed, type Outcome } from '../../app/outcome';
import type { Actor } from '../../auth/roles';
import type { Finding } from '../../finding';
import type { TemplateVersionRecord } from '../../store/repositories/template-versions';
import { jsonErrorPlace } from '../json-error-where';
import { parseTemplate } from '../validate';
import { MAX_DOCUMENT_BYTES } from './content-hash';
import { uniqueTemplateName, withName } from './template-admin';
import { createTemplate } from './version-lifecycle';

/**
 * Templates as files: import a `.template.json` (checked like any template, refused with its
 * findings at JSON paths when invalid) and export a version's document as one. The file is the
 * document itself, so an export imports back unchanged apart from a name made unique.
 */
type Ctx = { app: App; actor: Actor; correlationId?: string | null };

export type ImportResult =
  | { readonly ok: true; readonly version: TemplateVersionRecord; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export async function importTemplate(ctx: Ctx & { fileName: string; text: string; name?: string }): Promise<Outcome<ImportResult>> {
  if (!ctx.actor.id) return refuse('forbidden', 'no-user', 'Sign in as a named user: template changes are attributed to a person.');
  const source = ctx.fileName.trim() || 'template.json';
  const refused = (code: string, message: string, path = '$') => succeed<ImportResult>({ ok: false, findings: [{ code, severity: 'error', message, location: { source, path } }] });
  if (new TextEncoder().encode(ctx.text).byteLength > MAX_DOCUMENT_BYTES) {
    return refused('template-too-large', `${source} is larger than 5 MB; a template that size carries data it should not: move reference data into an uploaded file.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(ctx.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const place = jsonErrorPlace(ctx.text);
    const where = place ? `line ${place.line}, column ${place.column}: ` : '';
    return refused('template-not-json', `${source} is not valid JSON (${where}${(e as Error).message}). Fix it in a text editor or export the template again.`);
  }
  const parsed = parseTemplate({ doc, source });
  if (!parsed.ok) return succeed({ ok: false, findings: parsed.findings });
  const { template } = parsed;
  const name = ctx.name?.trim() || (await uniqueTemplateName({ repos: ctx.app.repos, base: template.name }));
  const created = await createTemplate({
    ...ctx, name, kind: template.kind, description: template.description,
    document: withName(doc, name),
    message: `Imported from ${source}`,
    audit: { action: 'template.import', extra: { fileName: source, importedName: template.name } },
  });
  if (!created.ok) return created;
  return succeed({ ok: true, version: created.value, findings: parsed.findings });
}

export interface TemplateExport {
  readonly fileName: string;
  readonly templateId: string;
  readonly version: number;
  readonly contentHash: string;
  readonly document: unknown;
}

/** The latest or a chosen version's document, with a file name `<name>.template.json`. */
export async function exportTemplate({ app, templateId, versionId }: { app: App; templateId: string; versionId?: string }): Promise<Outcome<TemplateExport>> {
  const template = await app.repos.templates.get({ id: templateId });
  if (!template) return refuse('not-found', 'no-template', 'No template with that id; it may have been deleted. Pick one from the Templates page.');
  const versions = await app.repos.templateVersions.listForTemplate({ templateId });
  const chosen = versionId ? versions.find((v) => v.id === versionId) : versions[0];
  if (!chosen) return refuse('not-found', 'no-version', `"${template.name}" has no such version; pick one from its versions page.`);
  return succeed({ fileName: templateFileName(template.name), templateId, version: chosen.version, contentHash: chosen.contentHash, document: chosen.document });
}

/** A file name any OS accepts: characters Windows forbids become "-". */
export function templateFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '').slice(0, 120);
  return `${safe || 'template'}.template.json`;
}
