/**
 * The shape of a file before its schema (文件结构检查): lists and objects nested deeper than any
 * scenario or story needs, and keys named `__proto__`, are refused before zod sees the value. A
 * deeply nested value would overflow the stack of a recursive check; a `__proto__` key (JSON.parse
 * makes it an own property) is skipped by zod's records and would set a prototype if assigned. The
 * walk keeps its own stack, so it cannot overflow.
 */
import { scenarioError, type ScenarioError } from './errors';
import type { PathSegment } from './fields';

/** The deepest nesting of lists and objects accepted; the files need 6 at most. */
export const MAX_DEPTH = 64;

/** The keys no file may have: `__proto__` sets an object's prototype when assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__']);

/** A value met on the walk, with how it was reached (the path is built only for an error). */
interface Visit {
  value: unknown;
  key: PathSegment;
  parent: Visit | null;
  depth: number;
}

/** The path from the root to a visit. */
function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
}

/** What the walk found: an error per forbidden key, and whether the value is too deep to check further. */
export interface StructureCheck {
  errors: ScenarioError[];
  /** True when some list or object lies deeper than {@link MAX_DEPTH}; `errors` then says where. */
  tooDeep: boolean;
}

/**
 * Walks a JSON value without recursion: reports the first list or object nested deeper than
 * `maxDepth` (and stops there) and every key in {@link FORBIDDEN_KEYS} (the first `limit` of them;
 * the depth is checked to the end whatever their number).
 */
export function checkStructure(json: unknown, maxDepth = MAX_DEPTH, limit = 200): StructureCheck {
  const errors: ScenarioError[] = [];
  const stack: Visit[] = [{ value: json, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > maxDepth) {
      errors.push(
        scenarioError(pathOf(visit), 'too-deep', {
          en: `lists and objects are nested more than ${maxDepth} deep here; a file needs a few levels at most`,
          zh: `此处列表和对象嵌套超过 ${maxDepth} 层；文件最多只需几层`,
        }),
      );
      return { errors, tooDeep: true };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], key: i, parent: visit, depth: depth + 1 });
      }
      continue;
    }
    const children: Visit[] = [];
    for (const key of Object.keys(value)) {
      const child: Visit = {
        value: (value as Record<string, unknown>)[key],
        key,
        parent: visit,
        depth: depth + 1,
      };
      if (!FORBIDDEN_KEYS.has(key)) children.push(child);
      else if (errors.length < limit) {
        errors.push(
          scenarioError(pathOf(child), 'bad-format', {
            en: `the key "${key}" is not allowed anywhere in a file`,
            zh: `文件中任何位置都不允许使用键 "${key}"`,
          }),
        );
      }
    }
    // A loop, not push(...children): an object of a million keys would overflow the argument list.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { errors, tooDeep: false };
}

/** True when `path` is `parent` or lies inside it. */
const within = (path: string, parent: string) =>
  path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);

/**
 * The errors of the checks after the structure check, less those at or inside a key the structure
 * check has refused (zod reports a strict object's `__proto__` key as unknown too).
 */
export function withoutRefusedKeys(
  refused: readonly ScenarioError[],
  errors: readonly ScenarioError[],
): ScenarioError[] {
  if (refused.length === 0) return [...errors];
  return errors.filter((e) => !refused.some((r) => within(e.path, r.path)));
}
