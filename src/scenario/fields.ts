/**
 * The fields of the scenario schema (场景字段): their dotted paths, which of them are parameters
 * (and so need a note), and what each expects. Everything here is read off `scenarioSchema`, so a
 * field added to the schema is covered without a second list to keep in step.
 */
import { z } from 'zod';
import { type Bilingual, FORMATS, type FormatName } from './formats';
import { clip, QUOTE_LENGTH } from '../text/quote';
import { fieldHelp, scenarioSchema } from './schema';

/** A path into a scenario: object keys and array indices. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$|^\d+$/;

/**
 * Formats a path for people: `rules.quotaLimits.maxChangesPerDay`, `rules.permittedUses[1]`,
 * `notes["rules.relativeScope"]` (keys that are not plain names are quoted). A key longer than
 * `QUOTE_LENGTH` is quoted and cut: `rules["kkkk…(1000000 characters)"]`. The empty path is ''.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (seg.length <= QUOTE_LENGTH && IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(clip(seg))}]`;
  }
  return out;
}

/** Peels off wrappers that do not change the shape a path walks through (nullable, optional, readonly). */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional || s instanceof z.ZodReadonly) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

/** The object shape of a schema, or null when it is not a plain object (records and unions are not). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/**
 * The schema at a path, walking object fields, record values, array items and the members of a
 * discriminated union that have the key; null when the path leads nowhere in the schema.
 */
export function schemaAt(path: readonly PathSegment[], root: z.ZodType = scenarioSchema): z.ZodType | null {
  let s: z.ZodType = root;
  for (const seg of path) {
    const u = unwrap(s);
    const shape = shapeOf(u);
    if (shape) {
      const next = typeof seg === 'string' && Object.hasOwn(shape, seg) ? shape[seg] : undefined;
      if (!next) return null;
      s = next;
    } else if (u instanceof z.ZodRecord) s = u.valueType as z.ZodType;
    else if (u instanceof z.ZodArray) s = u.element as z.ZodType;
    else if (u instanceof z.ZodDiscriminatedUnion && typeof seg === 'string') {
      const options = u.options as z.ZodType[];
      const next = options.map((o) => shapeOf(o)?.[seg]).find((x) => x !== undefined);
      if (!next) return null;
      s = next;
    } else return null;
  }
  return s;
}

/** What the field at `path` of `root` (the scenario schema unless given) expects, in words, when the schema says so. */
export function helpAt(path: readonly PathSegment[], root: z.ZodType = scenarioSchema): Bilingual | null {
  const s = schemaAt(path, root);
  return (s && (fieldHelp.get(s) ?? fieldHelp.get(unwrap(s)))) ?? null;
}

/** The keys an object at `path` of `root` (the scenario schema unless given) allows, or null when it is not a plain object. */
export function keysAt(path: readonly PathSegment[], root: z.ZodType = scenarioSchema): string[] | null {
  const s = schemaAt(path, root);
  const shape = s && shapeOf(unwrap(s));
  return shape ? Object.keys(shape) : null;
}

/** What may stand at a place of the file: the keys of an object, or words for keys that have no fixed names. */
export type AllowedKeys = { keys: string[] } | { words: Bilingual };

/** The members of a union that are plain objects, with their shapes. */
function objectMembers(union: z.ZodUnion | z.ZodDiscriminatedUnion): Record<string, z.ZodType>[] {
  return (union.options as z.ZodType[]).flatMap((o) => {
    const shape = shapeOf(unwrap(o));
    return shape ? [shape] : [];
  });
}

/** The keys of some object shapes, each once, in the order they first appear. */
const keysOf = (shapes: readonly Record<string, z.ZodType>[]): string[] => [
  ...new Set(shapes.flatMap((shape) => Object.keys(shape))),
];

/** The text format a record's keys must have (`province`, `poolingArea`, …), if its key schema names one. */
function keyFormat(record: z.ZodRecord): FormatName | null {
  const checks = (record.keyType._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  for (const c of checks) {
    const format = (c._zod.def as { params?: { format?: FormatName } }).params?.format;
    if (format) return format;
  }
  return null;
}

/**
 * What the file may have at `path` of `root` (the scenario schema unless given), for a message
 * about a key that is not allowed there: the keys of an object; for a union, the keys of the member
 * that `value` (the object found there) picks by its discriminator, or of every object member; for
 * a record, what its keys must look like (province codes such as "44"). `{ keys: [] }` when nothing
 * there takes keys.
 */
export function allowedAt(
  path: readonly PathSegment[],
  root: z.ZodType = scenarioSchema,
  value?: unknown,
): AllowedKeys {
  const s = schemaAt(path, root);
  const u = s && unwrap(s);
  if (!u) return { keys: [] };
  const shape = shapeOf(u);
  if (shape) return { keys: Object.keys(shape) };
  if (u instanceof z.ZodDiscriminatedUnion) {
    const key = (u._zod.def as { discriminator: string }).discriminator;
    const picked =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    const members = objectMembers(u);
    const chosen = members.find((m) => {
      const literal = m[key];
      return literal instanceof z.ZodLiteral && (literal.values as Set<unknown>).has(picked);
    });
    return { keys: keysOf(chosen ? [chosen] : members) };
  }
  if (u instanceof z.ZodUnion) return { keys: keysOf(objectMembers(u)) };
  if (u instanceof z.ZodRecord) {
    const format = keyFormat(u);
    return {
      words: format
        ? { en: `keys that are ${FORMATS[format].en}`, zh: `键为${FORMATS[format].zh}` }
        : { en: 'keys of your choice', zh: '自定的键' },
    };
  }
  return { keys: [] };
}

/** Every field path of a schema as dotted text: objects are walked, anything else is a leaf. */
function walk(schema: z.ZodType, prefix: string, out: { all: string[]; leaves: string[] }): void {
  const shape = shapeOf(schema);
  if (!shape) {
    out.leaves.push(prefix);
    return;
  }
  for (const [key, child] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.all.push(path);
    walk(child, path, out);
  }
}

const FIELDS = { all: [] as string[], leaves: [] as string[] };
walk(scenarioSchema, '', FIELDS);

/**
 * The parameter leaves (参数项): every leaf under `rules`, `clearing` and `behaviour`, e.g.
 * `rules.quotaLimits.maxChangesPerDay`. A nullable object (quiet hours), a union (prepayment sizing,
 * clearing cycle), a record (rollout by province) or a list (permitted uses) is one leaf. Each needs a note.
 */
export const PARAMETER_PATHS: readonly string[] = FIELDS.leaves.filter(
  (p) => p.startsWith('rules.') || p.startsWith('clearing.') || p.startsWith('behaviour.'),
);

/**
 * Every field path of the schema, objects and leaves alike, except `notes` itself and `$schema`
 * (which only points editors at the JSON Schema): the fields a note may name.
 */
export const FIELD_PATHS: readonly string[] = FIELDS.all.filter((p) => p !== 'notes' && p !== '$schema');

/** The leaf paths that are records (e.g. `rules.geography.rollout.byProvince`), whose entries may carry notes too. */
export const RECORD_PATHS: readonly string[] = FIELDS.leaves.filter(
  (p) => unwrap(schemaAt(p.split('.'))!) instanceof z.ZodRecord && p !== 'notes',
);
