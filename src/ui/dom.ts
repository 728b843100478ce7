/** A tiny element builder (DOM 构建) for the shell; the document is passed in, never global. */

/** Attributes to set; `false` leaves an attribute out, `true` sets it empty. */
export type Attrs = Readonly<Record<string, string | boolean>>;

/** Creates `<tag>` in `doc` with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
