/**
 * A small JSON Schema (draft-07) checker for the tests: just the keywords scenarios/schema.json
 * uses, so that a test can ask whether the schema editors read accepts a file, without a validator
 * package. A keyword it does not know is an error, so the schema cannot grow past what is checked.
 */

/** A JSON Schema object. */
type Schema = Record<string, unknown>;

/** Keywords that only describe. */
const ANNOTATIONS = new Set(['$schema', 'title', 'description']);

/** The JSON type names of a value (an integer is a number too). */
function typesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep equality of JSON values (for `enum` and `const`). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The places where `value` breaks `schema`, as `path: keyword` lines (empty when it conforms).
 * Throws on a keyword this checker does not know.
 */
export function schemaProblems(schema: Schema, value: unknown, path = ''): string[] {
  const out: string[] = [];
  const fail = (keyword: string) => out.push(`${path || '(root)'}: ${keyword}`);
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case 'type': {
        const wanted = Array.isArray(arg) ? (arg as string[]) : [arg as string];
        if (!typesOf(value).some((t) => wanted.includes(t))) fail('type');
        break;
      }
      case 'enum':
        if (!(arg as unknown[]).some((v) => same(v, value))) fail('enum');
        break;
      case 'const':
        if (!same(arg, value)) fail('const');
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) fail('pattern');
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) fail('minimum');
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) fail('maximum');
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (arg as number)) fail('exclusiveMinimum');
        break;
      case 'exclusiveMaximum':
        if (typeof value === 'number' && value >= (arg as number)) fail('exclusiveMaximum');
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) fail('minItems');
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (arg as number)) fail('maxItems');
        break;
      case 'items':
        if (Array.isArray(value))
          value.forEach((v, i) => out.push(...schemaProblems(arg as Schema, v, `${path}[${i}]`)));
        break;
      case 'required':
        if (isObject(value))
          for (const key of arg as string[]) if (!Object.hasOwn(value, key)) fail(`required ${key}`);
        break;
      case 'properties':
        if (isObject(value))
          for (const [key, sub] of Object.entries(arg as Record<string, Schema>))
            if (Object.hasOwn(value, key)) out.push(...schemaProblems(sub, value[key], `${path}.${key}`));
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const known = (schema.properties ?? {}) as Record<string, Schema>;
          for (const [key, v] of Object.entries(value)) {
            if (Object.hasOwn(known, key)) continue;
            if (arg === false) fail(`additionalProperties ${key}`);
            else if (isObject(arg)) out.push(...schemaProblems(arg, v, `${path}.${key}`));
          }
        }
        break;
      case 'propertyNames':
        if (isObject(value))
          for (const key of Object.keys(value))
            if (schemaProblems(arg as Schema, key).length > 0) fail(`propertyNames ${key}`);
        break;
      case 'anyOf':
        if (!(arg as Schema[]).some((s) => schemaProblems(s, value, path).length === 0)) fail('anyOf');
        break;
      case 'oneOf':
        if ((arg as Schema[]).filter((s) => schemaProblems(s, value, path).length === 0).length !== 1)
          fail('oneOf');
        break;
      default:
        throw new Error(
          `the test's JSON Schema checker does not know "${keyword}" (at ${path || 'the root'})`,
        );
    }
  }
  return out;
}
