/**
 * The form for a template source's reader options (TemplateSource.options), generated from the
 * reader's own option schema as JSON Schema (zod's toJSONSchema of Reader.optionsSchema), so a
 * new reader option appears in the studio without studio code. Browser-safe: the server builds
 * the fields, the Sources panel renders them.
 *
 * Kinds are what the form needs to render and parse an input, not JSON Schema's types:
 *   text, character (exactly one), integer, boolean, choice (an enum), text-or-integer
 *   (a sheet's name or position), text-list (comma-separated), column-types (column → type).
 */
export type ReaderOptionKind = 'text' | 'character' | 'integer' | 'boolean' | 'choice' | 'text-or-integer' | 'text-list' | 'column-types';

export interface ReaderOptionField {
  readonly name: string;
  readonly label: string;
  readonly help: string;
  readonly kind: ReaderOptionKind;
  /** The allowed values of a choice, or the types a column-types entry may take. */
  readonly choices?: readonly string[];
  /** The value the reader uses when the option is left blank and it has a fixed one (most are detected instead). */
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly min?: number;
  readonly max?: number;
}

export interface ReaderOptionsForm {
  readonly format: string;
  readonly fields: readonly ReaderOptionField[];
}

type JsonSchema = {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
};

/** Largest integer JSON Schema states for an unbounded zod int; not worth showing. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export function readerOptionFields({ jsonSchema }: { jsonSchema: unknown }): ReaderOptionField[] {
  const properties = (jsonSchema as JsonSchema | null)?.properties ?? {};
  return Object.entries(properties).map(([name, schema]) => field(name, schema));
}

function field(name: string, s: JsonSchema): ReaderOptionField {
  const base = {
    name,
    label: s.title ?? humanise(name),
    help: s.description ?? '',
    ...(s.default !== undefined ? { default: s.default } : {}),
    ...(s.examples?.length ? { examples: s.examples } : {}),
  };
  const shape = kindOf(s);
  return { ...base, ...shape };
}

function kindOf(s: JsonSchema): Omit<ReaderOptionField, 'name' | 'label' | 'help' | 'default' | 'examples'> {
  if (s.enum) return { kind: 'choice', choices: s.enum.map(String) };
  if (s.anyOf) {
    const types = new Set(s.anyOf.map((x) => x.type));
    if (types.has('string') && types.has('integer')) return { kind: 'text-or-integer', ...bounds(s.anyOf.find((x) => x.type === 'integer')!) };
    return { kind: 'text' };
  }
  switch (s.type) {
    case 'boolean': return { kind: 'boolean' };
    case 'integer':
    case 'number': return { kind: 'integer', ...bounds(s) };
    case 'array': return { kind: 'text-list' };
    case 'object': {
      const values = typeof s.additionalProperties === 'object' ? s.additionalProperties.enum : undefined;
      return { kind: 'column-types', ...(values ? { choices: values.map(String) } : {}) };
    }
    default: return s.minLength === 1 && s.maxLength === 1 ? { kind: 'character' } : { kind: 'text' };
  }
}

function bounds(s: JsonSchema): { min?: number; max?: number } {
  return {
    ...(s.minimum !== undefined && Math.abs(s.minimum) < UNBOUNDED ? { min: s.minimum } : {}),
    ...(s.maximum !== undefined && Math.abs(s.maximum) < UNBOUNDED ? { max: s.maximum } : {}),
  };
}

/** headerRow → "Header row": a label for an option its reader did not title. */
function humanise(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
