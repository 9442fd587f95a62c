/**
 * @module chat
 * The chat itself, shared by the page and the widget: a conversation log
 * (an ARIA live region), a question box (Enter sends, Shift+Enter is a new
 * line), a stop button while an answer streams, and the citation panel.
 */
import { AskFailure, askQuestion, MESSAGES } from "./api.js";
import { AnswerView } from "./answer-view.js";
import { CitationPanel } from "./citation-panel.js";
import { h } from "./dom.js";
import { feedbackControls } from "./feedback.js";
import { ConversationHistory, sessionStore, type Exchange } from "./history.js";
import { fetchWelcome, welcomeView } from "./welcome.js";

export interface ChatOptions {
  title: string;
  /** Where the service lives: `ask` and `sources/…` are resolved against it. */
  base: URL;
  /** Escape with no citation open, and the close button: only the widget can close. */
  onClose?: () => void;
}

export class Chat {
  readonly element: HTMLElement;
  private readonly log: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly panel: CitationPanel;
  private readonly history: ConversationHistory;
  private pending: AbortController | undefined;

  constructor(private readonly options: ChatOptions) {
    this.history = new ConversationHistory(sessionStore(), `ask-docs:${options.base.href}`);
    this.panel = new CitationPanel(options.base);
    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "-1" });
    this.input = h("textarea", {
      id: "question",
      class: "question-input",
      rows: "2",
      maxlength: "2000",
      placeholder: "Ask a question about the documents…",
      "aria-describedby": "composer-hint",
    });
    this.sendButton = h("button", { type: "submit", class: "send" }, "Send");
    this.stopButton = h("button", { type: "button", class: "stop", hidden: true }, "Stop");
    const form = h(
      "form",
      { class: "composer" },
      h("label", { for: "question", class: "visually-hidden" }, "Your question"),
      this.input,
      this.sendButton,
      this.stopButton,
      h("p", { id: "composer-hint", class: "hint" }, "Enter sends · Shift+Enter adds a line"),
    );
    this.element = h(
      "section",
      { class: "chat", "aria-labelledby": "chat-title" },
      this.header(),
      h("div", { class: "body" }, this.log, this.panel.element),
      form,
    );

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.send();
      }
    });
    this.stopButton.addEventListener("click", () => {
      this.pending?.abort();
      this.focus();
    });
    this.element.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      if (this.panel.isOpen) this.panel.close();
      else this.options.onClose?.();
    });
    const exchanges = this.history.load();
    for (const exchange of exchanges) this.restore(exchange);
    if (!exchanges.length) void this.showWelcome();
  }

  focus(): void {
    this.input.focus();
  }

  private header(): HTMLElement {
    const clear = h("button", { type: "button", class: "text-button" }, "New chat");
    clear.addEventListener("click", () => {
      this.pending?.abort();
      this.panel.close();
      this.history.clear();
      this.log.replaceChildren();
      void this.showWelcome();
      this.focus();
    });
    const close = this.options.onClose && h("button", { type: "button", class: "icon-button", "aria-label": "Close chat" }, "×");
    close?.addEventListener("click", () => this.options.onClose?.());
    return h("header", { class: "chat-header" }, h("h1", { id: "chat-title" }, this.options.title), clear, close);
  }

  /** The first screen, while the conversation is empty: what can be asked, with examples that ask themselves. */
  private async showWelcome(): Promise<void> {
    const welcome = await fetchWelcome(this.options.base);
    if (!welcome || this.log.childElementCount) return;
    this.log.append(
      welcomeView(welcome, (question) => {
        this.input.value = question;
        void this.send();
      }),
    );
  }

  private async send(): Promise<void> {
    const question = this.input.value.trim();
    if (!question || this.pending) return;
    this.input.value = "";
    this.log.querySelector(".welcome")?.remove();
    const view = this.addExchange(question);
    const controller = new AbortController();
    this.setPending(controller);
    try {
      const turns = this.history.turns();
      const result = await askQuestion(this.options.base, { question, history: turns }, controller.signal, {
        onPassages: (passages) => view.showPassages(passages),
        onToken: (text) => {
          view.appendToken(text);
          this.scrollToEnd();
        },
      });
      view.finish(result);
      // A first question is searched as typed unless a misspelt word was corrected; a follow-up's rewrite is not shown.
      if (!turns.length && result.query !== question) view.searchedFor(result.query);
      view.element.append(feedbackControls(this.options.base, result.id));
      this.history.add({ question, answer: result.answer, outcome: result.outcome, abstained: result.abstained, citations: result.citations });
    } catch (error) {
      if (controller.signal.aborted) view.stopped();
      else {
        view.failed(error instanceof AskFailure ? error.message : MESSAGES.server);
        // The question is not lost: it goes back into the box unless a new one is being typed.
        if (!this.input.value) this.input.value = question;
      }
    } finally {
      this.setPending(undefined);
      this.scrollToEnd();
    }
  }

  private restore(exchange: Exchange): void {
    this.addExchange(exchange.question).finish(exchange);
  }

  private addExchange(question: string): AnswerView {
    const view = new AnswerView(question, (passage, answer, button) => this.panel.open(passage, answer, button));
    this.log.append(view.element);
    this.scrollToEnd();
    return view;
  }

  private setPending(controller: AbortController | undefined): void {
    this.pending = controller;
    this.sendButton.hidden = Boolean(controller);
    this.stopButton.hidden = !controller;
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}
