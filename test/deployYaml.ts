/**
 * A reader for the YAML of deploy/ (部署清单读取), for the tests: block mappings and sequences by
 * indentation, plain and quoted scalars, `>-` / `|` block scalars and whole-line comments — what
 * Kubernetes manifests use. Anything else (flow collections, anchors, tags, several documents,
 * inline comments) is refused with its line, so a manifest the reader cannot vouch for fails the
 * test instead of being half read. (No YAML library is among the project's dependencies.)
 */

/** A YAML value as read. */
export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  no: number;
  indent: number;
  text: string;
}

/** A scalar written after `key:` or `- `. */
function scalar(text: string, no: number): Yaml {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new SyntaxError(`line ${no}: bad single-quoted text ${text}`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\["\\n])*"$/.test(text))
      throw new SyntaxError(`line ${no}: bad double-quoted text ${text}`);
    return text.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  if (/^[[{&*!|>%@`]/.test(text) || /\s#/.test(text) || /:\s/.test(text) || text === '---') {
    throw new SyntaxError(`line ${no}: this reader does not take "${text}"`);
  }
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  return text;
}

/** Parses the YAML text of one document. */
export function parseYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (raw.includes('\t')) throw new SyntaxError(`line ${i + 1}: tabs are not YAML indentation`);
    const text = raw.trimEnd();
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) return;
    lines.push({ no: i + 1, indent: text.length - body.length, text: body });
  });
  let at = 0;

  /** The lines of a block scalar under a line of indent `indent`, folded (`>`) or kept (`|`). */
  const blockScalar = (style: string, indent: number): string => {
    const parts: string[] = [];
    while (at < lines.length && lines[at]!.indent > indent) parts.push(lines[at++]!.text);
    const text = style.startsWith('>') ? parts.join(' ') : parts.join('\n');
    return style.endsWith('-') ? text : `${text}\n`;
  };

  /** The value after `key:` or `- ` on a line of indent `indent`: inline, a block scalar, or a nested block. */
  const value = (rest: string, indent: number, no: number): Yaml => {
    if (rest === '') {
      if (at < lines.length && lines[at]!.indent > indent) return block(lines[at]!.indent);
      return null;
    }
    if (/^[>|]-?$/.test(rest)) return blockScalar(rest, indent);
    return scalar(rest, no);
  };

  /** A mapping or sequence whose lines start at `indent`. */
  const block = (indent: number): Yaml => {
    const first = lines[at]!;
    if (first.text === '-' || first.text.startsWith('- ')) {
      const items: Yaml[] = [];
      while (at < lines.length && lines[at]!.indent === indent && lines[at]!.text.startsWith('-')) {
        const line = lines[at]!;
        const rest = line.text.slice(1).trimStart();
        if (/^[^'"\s][^:]*:(\s|$)/.test(rest)) {
          // `- key: value`: a mapping whose keys line up two columns further in.
          const inner = indent + (line.text.length - rest.length);
          lines[at] = { no: line.no, indent: inner, text: rest };
          items.push(block(inner));
        } else {
          at++;
          items.push(value(rest, indent, line.no));
        }
      }
      return items;
    }
    const map: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at]!.indent === indent) {
      const line = lines[at++]!;
      const m = /^([A-Za-z0-9_./-]+):(?:\s+(.*))?$/.exec(line.text);
      if (!m) throw new SyntaxError(`line ${line.no}: expected "key: value", got "${line.text}"`);
      if (Object.hasOwn(map, m[1]!)) throw new SyntaxError(`line ${line.no}: key ${m[1]} given twice`);
      map[m[1]!] = value(m[2] ?? '', indent, line.no);
    }
    return map;
  };

  if (lines.length === 0) return null;
  const doc = block(lines[0]!.indent);
  if (at < lines.length)
    throw new SyntaxError(`line ${lines[at]!.no}: indentation does not fit the lines above`);
  return doc;
}
