/**
 * @module welcome (client)
 * The chat's first screen: "Ask about 12 documents, e.g." and example
 * questions as buttons that ask them. Fetched from `GET /welcome`; when that
 * fails the chat simply starts empty, as it did before.
 */
import type { Welcome } from "../../documents/welcome.js";
import { h } from "./dom.js";

export async function fetchWelcome(base: URL): Promise<Welcome | undefined> {
  try {
    const response = await fetch(new URL("welcome", base), { headers: { accept: "application/json" } });
    return response.ok ? ((await response.json()) as Welcome) : undefined;
  } catch {
    return undefined;
  }
}

/** The greeting with one button per example; `onAsk` receives the example clicked. */
export function welcomeView(welcome: Welcome, onAsk: (question: string) => void): HTMLElement {
  const buttons = welcome.examples.map((question) => {
    const button = h("button", { type: "button", class: "example" }, question);
    button.addEventListener("click", () => onAsk(question));
    return h("li", {}, button);
  });
  return h("div", { class: "welcome" }, h("p", { class: "welcome-text" }, welcome.text), buttons.length ? h("ul", { class: "examples" }, ...buttons) : undefined);
}

export const WELCOME_CSS = `
.welcome { margin: .25rem 0 1.25rem; color: var(--muted); }
.welcome-text { margin: 0 0 .5rem; }
.examples { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; align-items: flex-start; gap: .4rem; }
.example { text-align: left; border: 1px solid var(--border); border-radius: 12px; background: var(--surface); color: var(--fg); padding: .45rem .75rem; overflow-wrap: anywhere; }
.example:hover { border-color: var(--accent); }
`;
