import { z } from 'zod';
import { TemplateSchema } from './schema';

/** The template's JSON Schema, for editors that validate and complete template.json files. */
export function templateJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'OpsPilot template',
    ...z.toJSONSchema(TemplateSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
