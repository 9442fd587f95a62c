/**
 * @module dom
 * The one way the browser code builds elements: attributes by setAttribute and
 * children as nodes or text nodes. There is deliberately no HTML-string path,
 * so model and document text can never become markup.
 */

/** A child: an element, or a string that becomes a text node; falsy values are skipped. */
export type Child = Node | string | false | null | undefined;

/**
 * Creates an element with attributes and children.
 * @example h("button", { type: "button", class: "cite" }, "[1]")
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child) parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** A <style> element with the given CSS, for a shadow root. */
export function styleElement(css: string): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = css;
  return style;
}
