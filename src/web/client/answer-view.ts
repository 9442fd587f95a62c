/**
 * @module answer-view
 * One exchange in the conversation: the question, then the answer as it
 * streams in, each `[n]` a button opening its passage, and what was searched
 * when it was not the question as typed. Knows five endings:
 * answered, uncertain and not found (each styled apart, with a label saying
 * which it is), stopped and failed.
 */
import type { AnswerOutcome } from "../../answer/types.js";
import type { CitedPassage } from "../../core/views.js";
import { splitAnswer } from "./answer-text.js";
import { h } from "./dom.js";

const LEADING_PUNCTUATION = /^[.,;:!?)"”’]+/u;

/** Called when a citation button is pressed: the passage, the full answer text and the button. */
export type CitationHandler = (passage: CitedPassage, answer: string, button: HTMLButtonElement) => void;

const OUTCOME_LABELS: Record<AnswerOutcome, string | undefined> = {
  answered: undefined,
  uncertain: "Not sure: closest passage",
  not_found: "Not found in the documents",
};

export class AnswerView {
  readonly element: HTMLElement;
  private readonly bubble: HTMLElement;
  private readonly text: HTMLElement;
  private readonly note: HTMLElement;
  private answer = "";
  private passages = new Map<number, CitedPassage>();

  constructor(question: string, private readonly onCitation: CitationHandler) {
    this.text = h("p", { class: "answer-text" });
    this.note = h("p", { class: "answer-note", hidden: true });
    this.bubble = h("div", { class: "answer", "aria-busy": "true" }, this.text, this.note);
    this.element = h("article", { class: "exchange" }, h("p", { class: "question" }, question), this.bubble);
  }

  /** The passages the streamed markers refer to (until the final numbering arrives). */
  showPassages(passages: CitedPassage[]): void {
    this.passages = new Map(passages.map((p) => [p.n, p]));
    this.render();
  }

  appendToken(text: string): void {
    this.answer += text;
    this.render();
  }

  /** Shows the final answer; its citations replace whatever the stream numbered. */
  finish(result: { answer: string; outcome?: AnswerOutcome; abstained: boolean; citations: CitedPassage[] }): void {
    this.answer = result.answer;
    this.passages = new Map(result.citations.map((p) => [p.n, p]));
    this.render();
    // Answers saved before outcomes existed have only `abstained`.
    const outcome = result.outcome ?? (result.abstained ? "not_found" : "answered");
    this.bubble.classList.toggle("abstained", outcome === "not_found");
    this.bubble.classList.toggle("uncertain", outcome === "uncertain");
    const label = OUTCOME_LABELS[outcome];
    if (label) this.bubble.prepend(h("p", { class: "answer-label" }, label));
    this.settle();
  }

  /** Says what was searched when it was not the question as typed (a misspelt word searched as the documents' word). */
  searchedFor(query: string): void {
    this.bubble.append(h("p", { class: "answer-searched" }, "Searched for: ", h("q", {}, query)));
  }

  stopped(): void {
    this.showNote(this.answer ? "Stopped." : "Stopped before an answer arrived.");
    this.bubble.classList.add("stopped");
    this.settle();
  }

  failed(message: string): void {
    this.bubble.classList.add("failed");
    this.showNote(message);
    this.settle();
  }

  private showNote(message: string): void {
    this.note.textContent = message;
    this.note.hidden = false;
  }

  private settle(): void {
    this.bubble.setAttribute("aria-busy", "false");
  }

  private render(): void {
    const parts = splitAnswer(this.answer);
    const nodes: Node[] = [];
    for (const [i, part] of parts.entries()) {
      if ("text" in part) {
        nodes.push(document.createTextNode(part.text));
        continue;
      }
      // A marker keeps the punctuation after it on its line: "2025 [1]." never breaks before the dot.
      const next = parts[i + 1];
      const punctuation = next && "text" in next ? (LEADING_PUNCTUATION.exec(next.text)?.[0] ?? "") : "";
      if (next && "text" in next) next.text = next.text.slice(punctuation.length);
      const button = this.citationButton(part.cite);
      nodes.push(punctuation ? h("span", { class: "nowrap" }, button, punctuation) : button);
    }
    this.text.replaceChildren(...nodes);
  }

  private citationButton(n: number): Node {
    const passage = this.passages.get(n);
    if (!passage) return document.createTextNode(`[${n}]`);
    const button = h("button", { type: "button", class: "cite", "aria-label": `Source ${n}: ${passage.title}`, "aria-haspopup": "dialog" }, `[${n}]`);
    button.addEventListener("click", () => this.onCitation(passage, this.answer, button));
    return button;
  }
}
