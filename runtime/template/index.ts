export * from './schema';
export { parseTemplate, jsonPath, type ParseTemplateResult } from './validate';
export { migrateTemplate, TEMPLATE_MIGRATIONS, type TemplateMigration } from './migrations';
export { templateJsonSchema } from './json-schema';
export { canonicalJson } from './canonical-json';
