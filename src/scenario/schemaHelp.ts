/**
 * What the scenario schema's sections are built with (场景结构的说明与跨字段检查): the bilingual
 * help of every field (`fieldHelp`), which error messages and the JSON Schema quote, the cross-field
 * checks with their messages, and the small builders the rules, clearing and behaviour sections
 * share. The sections themselves are in rulesSchema.ts, clearingSchema.ts and behaviour.ts; the file
 * that puts them together is schema.ts.
 */
import { z } from 'zod';
import { FORMATS, type Bilingual, type FormatName } from './formats';

/** What each field expects, in words; keyed by schema so that error messages and help can quote it. */
export const fieldHelp = z.registry<Bilingual>();

/** The cross-field checks, with the message each gives when it fails. */
export const CHECKS = {
  'window-order': {
    en: 'the window must not end before it starts (start ≤ end)',
    zh: '模拟区间的结束月份不能早于开始月份（start ≤ end）',
  },
  'quiet-hours-empty': {
    en: 'quiet hours must start and end at different times (use null for none)',
    zh: '禁止时段的开始与结束时刻不能相同（无禁止时段请写 null）',
  },
  'unique-uses': {
    en: 'each permitted use may be listed only once',
    zh: '每种允许用途只能列出一次',
  },
  'yellow-below-red': {
    en: 'the yellow threshold must be below the red threshold',
    zh: '黄色预警线须低于红色预警线',
  },
  'month-weights-sum': {
    en: 'the twelve monthly shares must sum to 1',
    zh: '十二个月的比例合计须为 1',
  },
  'payment-after-resize': {
    en: 'the payment deadline month must not come before the re-sizing month',
    zh: '预付金拨付截止月份不能早于重新核定月份',
  },
} as const satisfies Record<string, Bilingual>;

/** The name of a cross-field check. */
export type CheckName = keyof typeof CHECKS;

/** Exactly the members of a union type `T`, so that a new rule value cannot be forgotten here. */
export function members<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)) => values;
}

/** `schema`, with what it expects in English and Chinese recorded in {@link fieldHelp}. */
export const help = <S extends z.ZodType>(schema: S, en: string, zh: string): S => {
  fieldHelp.add(schema, { en, zh });
  return schema;
};

/** A text in the format `name` (a month, a clock time, a province code, …). */
export const text = (name: FormatName) =>
  z.string().refine(FORMATS[name].check, { params: { format: name } });

/** Whether `v` is a finite number (what a cross-field check may compare or add). */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A refinement as the two arguments of zod's `.refine`: the test, and its parameters. */
export type Refinement<T> = readonly [(value: T) => boolean, z.core.$ZodCustomParams];

/**
 * A cross-field check named `name`, as the arguments of `.refine`. It runs even when other fields of
 * the object failed, as long as `ready` says the values it compares are themselves valid, so that one
 * pass reports every error. Its test `ok` only ever sees values `ready` accepts: when they are of the
 * wrong type (an object where a number belongs, whose own error is reported), the check passes
 * rather than compare or add them, which could throw.
 */
export function check<T>(
  name: CheckName,
  ready: (value: Record<string, unknown>) => boolean,
  ok: (value: T) => boolean,
  path: string[] = [],
): Refinement<T> {
  const isReady = (v: unknown) => v !== null && typeof v === 'object' && ready(v as Record<string, unknown>);
  return [
    (value: T) => !isReady(value) || ok(value),
    { params: { check: name }, path, when: (payload: z.core.ParsePayload) => isReady(payload.value) },
  ];
}
