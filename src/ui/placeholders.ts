/**
 * Placeholders in the workspaces' texts (文字中的占位符): a message names the values it says as
 * `{name}`, and they are filled in when it is shown, in whichever language.
 */

/**
 * Fills the `{name}` placeholders of `text` with `values`; a placeholder with no value stays as it is,
 * so a missing value shows rather than vanishing.
 */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  // Own keys only: `{constructor}` or `{toString}` in a text must not read the prototype.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}
