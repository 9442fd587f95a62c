/**
 * @module citation-panel
 * The passage behind a citation: source name (and page), the passage with the
 * cited answer sentence highlighted, and a link to the whole document scrolled
 * to the passage. A side panel when there is room, a popover when not (CSS).
 */
import type { CitedPassage } from "../../core/views.js";
import { citedSentence, locateSentence } from "./answer-text.js";
import { h } from "./dom.js";

export class CitationPanel {
  readonly element: HTMLElement;
  private readonly content: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private opener: HTMLElement | undefined;

  constructor(private readonly base: URL) {
    this.closeButton = h("button", { type: "button", class: "icon-button", "aria-label": "Close source" }, "×");
    this.closeButton.addEventListener("click", () => this.close());
    this.content = h("div", { class: "citation-content" });
    this.element = h(
      "aside",
      { class: "citation-panel", role: "dialog", "aria-labelledby": "citation-title", hidden: true },
      this.closeButton,
      this.content,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows `passage`, highlighting the sentence of `answer` that cites it; focus returns to `opener` on close. */
  open(passage: CitedPassage, answer: string, opener: HTMLElement): void {
    this.opener = opener;
    const where = [passage.source, passage.page !== undefined && `page ${passage.page}`, passage.headingPath.join(" › ")];
    this.content.replaceChildren(
      h("h2", { id: "citation-title", class: "citation-title" }, `[${passage.n}] ${passage.title}`),
      h("p", { class: "citation-source" }, where.filter(Boolean).join(" · ")),
      h("blockquote", { class: "passage" }, ...highlighted(passage.text, citedSentence(answer, passage.n))),
      h("a", { class: "source-link", href: sourceUrl(this.base, passage).href, target: "_blank", rel: "noopener" }, "Open the whole document ↗"),
    );
    this.element.hidden = false;
    this.closeButton.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.opener?.focus();
  }
}

/** The source document page with the passage marked and scrolled into view. */
export function sourceUrl(base: URL, passage: CitedPassage): URL {
  // A crawled web page is its own source: the citation leads to the live page.
  if (/^https?:\/\//.test(passage.source)) return new URL(passage.source);
  const url = new URL(`sources/${encodeURIComponent(passage.source)}`, base);
  url.search = new URLSearchParams({ start: String(passage.start), end: String(passage.end) }).toString();
  url.hash = "passage";
  return url;
}

function highlighted(text: string, sentence: string | undefined): (string | Node)[] {
  const range = sentence ? locateSentence(text, sentence) : undefined;
  if (!range) return [text];
  return [text.slice(0, range.start), h("mark", {}, text.slice(range.start, range.end)), text.slice(range.end)];
}
