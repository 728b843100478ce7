/**
 * Quoting what a file says, briefly (引用输入内容): error messages repeat keys and values from the
 * file, and a hostile file may hold a key of megabytes. Every key or value an error quotes goes through
 * here, so no error is longer than its own words plus a few dozen characters of the file.
 */

/** The most characters of one key or value that an error quotes; longer ones are cut, with their length. */
export const QUOTE_LENGTH = 60;

/** The first {@link QUOTE_LENGTH} characters of a long text (one fewer rather than half a surrogate pair). */
function head(text: string): string {
  const end = /[\uD800-\uDBFF]/.test(text[QUOTE_LENGTH - 1]!) ? QUOTE_LENGTH - 1 : QUOTE_LENGTH;
  return text.slice(0, end);
}

/** How long a cut text was, in the language of the message. */
const size = (n: number, lang: 'en' | 'zh') => (lang === 'en' ? `(${n} characters)` : `（共 ${n} 个字符）`);

/**
 * The text itself when it has at most {@link QUOTE_LENGTH} characters, else its beginning, `…` and
 * its length: `aaaa…(1000000 characters)` (`aaaa…（共 1000000 个字符）`).
 */
export function clip(text: string, lang: 'en' | 'zh' = 'en'): string {
  return text.length <= QUOTE_LENGTH ? text : `${head(text)}…${size(text.length, lang)}`;
}

/** A text in double quotes as JSON writes it (`"a\"b"`); a long one cut as `"aaaa…"(1000000 characters)`. */
export function quote(text: string, lang: 'en' | 'zh' = 'en'): string {
  if (text.length <= QUOTE_LENGTH) return JSON.stringify(text);
  return `${JSON.stringify(`${head(text)}…`)}${size(text.length, lang)}`;
}
