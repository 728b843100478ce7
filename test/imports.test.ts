import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Every TypeScript source file under `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.m?ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names (`./x`, `./x.js`, `./x?url`, `./dir` with an index), or null. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, '').replace(/\.js$/, ''));
  for (const path of [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts')]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

/** The specifiers a file imports: `runtime` those that load a module, `all` also `import type` and `export type`. */
function specifiersOf(file: string): { runtime: string[]; all: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const runtime: string[] = [];
  const all: string[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(node)) {
      specifier = node.moduleSpecifier;
      typeOnly = node.importClause?.isTypeOnly ?? false;
    } else if (ts.isExportDeclaration(node)) {
      specifier = node.moduleSpecifier;
      typeOnly = node.isTypeOnly;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    }
    if (specifier && ts.isStringLiteralLike(specifier)) {
      all.push(specifier.text);
      if (!typeOnly) runtime.push(specifier.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { runtime, all };
}

/**
 * The import graphs of src/: for each file (relative to the repository), the files of src/ it
 * imports. `runtime` has the imports that load a module when the file runs (static and dynamic);
 * `all` also those of types only (`import type`), which the compiler erases.
 */
function importGraphs(): { runtime: Map<string, string[]>; all: Map<string, string[]> } {
  const runtime = new Map<string, string[]>();
  const all = new Map<string, string[]>();
  const targets = (file: string, specifiers: string[]): string[] => {
    const paths = specifiers
      .map((s) => resolveSpecifier(file, s))
      .filter((path): path is string => path !== null && path.startsWith(SRC))
      .map((path) => relative(ROOT, path));
    return [...new Set(paths)].sort();
  };
  for (const file of sourceFiles(SRC)) {
    const specifiers = specifiersOf(file);
    runtime.set(relative(ROOT, file), targets(file, specifiers.runtime));
    all.set(relative(ROOT, file), targets(file, specifiers.all));
  }
  return { runtime, all };
}

/** A circle of imports in `graph` as the files along it (the first repeated at the end), or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const circle = visit(next);
        if (circle) return circle;
      }
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of [...graph.keys()].sort()) {
    if (state.has(file)) continue;
    const circle = visit(file);
    if (circle) return circle;
  }
  return null;
}

describe('the import graph of src/', () => {
  const graphs = importGraphs();

  test('the graph is read: every file of src/ is in it, and the month loop imports its layers', () => {
    expect(graphs.runtime.size).toBe(sourceFiles(SRC).length);
    expect(graphs.runtime.size).toBeGreaterThan(50);
    expect(graphs.runtime.get('src/engine/family.ts')).toEqual(
      expect.arrayContaining([
        'src/engine/accounts.ts',
        'src/engine/payments.ts',
        'src/engine/relationships.ts',
      ]),
    );
  });

  test('findCircle reports the files of a circle', () => {
    const circle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(findCircle(circle)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(findCircle(new Map([['a.ts', ['b.ts']]]))).toBeNull();
  });

  test('type-only imports are told apart: they are in the full graph, not in the runtime one', () => {
    // familyTrace.ts takes FamilyState as a type only (`import type`): the module is not loaded for it.
    expect(graphs.all.get('src/engine/familyTrace.ts')).toContain('src/engine/state.ts');
    expect(graphs.runtime.get('src/engine/familyTrace.ts')).not.toContain('src/engine/state.ts');
  });

  test('the import graph of src/ has no circle', () => {
    const circle = findCircle(graphs.runtime);
    expect(circle, `an import circle: ${circle?.join(' → ')}`).toBeNull();
  });

  test('only the interface imports from src/ui: nothing in the engine, runtime, commands or below', () => {
    const crossings = [...graphs.all]
      .filter(([file]) => !file.startsWith('src/ui/') && file !== 'src/main.ts')
      .flatMap(([file, targets]) =>
        targets.filter((t) => t.startsWith('src/ui/')).map((t) => `${file} → ${t}`),
      );
    expect(crossings, `imports from src/ui:\n${crossings.join('\n')}`).toEqual([]);
  });

  test('src/ imports nothing from the benchmarks, the tests or the worker entry points', () => {
    const outside = [...graphs.all].flatMap(([file, targets]) =>
      targets.filter((t) => !t.startsWith('src/')).map((t) => `${file} → ${t}`),
    );
    expect(outside, `imports from outside src/:\n${outside.join('\n')}`).toEqual([]);
  });
});
