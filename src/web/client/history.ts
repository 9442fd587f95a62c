/**
 * @module history
 * The conversation so far, kept in session storage so that it survives a page
 * navigation within the tab (the widget follows a visitor around a site).
 * Storage can be missing or full (private modes, sandboxed frames): the chat
 * then simply starts empty.
 */
import type { AnswerOutcome } from "../../answer/types.js";
import type { CitedPassage } from "../../core/views.js";
import type { ChatTurn } from "./api.js";

/** One finished question and its answer. */
export interface Exchange {
  question: string;
  answer: string;
  outcome?: AnswerOutcome;
  abstained: boolean;
  citations: CitedPassage[];
}

// Enough for a session; keeps storage well under its quota.
const MAX_EXCHANGES = 20;
// The service reads at most 20 turns of at most 4000 characters.
const CONTEXT_EXCHANGES = 10;
const MAX_TURN_CHARS = 4000;

export class ConversationHistory {
  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
  ) {}

  load(): Exchange[] {
    try {
      const saved: unknown = JSON.parse(this.storage?.getItem(this.key) ?? "[]");
      return Array.isArray(saved) ? (saved as Exchange[]) : [];
    } catch {
      return [];
    }
  }

  /** The latest exchanges as conversation turns, oldest first, for a follow-up question. */
  turns(): ChatTurn[] {
    return this.load()
      .slice(-CONTEXT_EXCHANGES)
      .flatMap((e): ChatTurn[] => [
        { role: "user", content: e.question.slice(0, MAX_TURN_CHARS) },
        { role: "assistant", content: e.answer.slice(0, MAX_TURN_CHARS) },
      ]);
  }

  add(exchange: Exchange): void {
    this.save([...this.load(), exchange].slice(-MAX_EXCHANGES));
  }

  clear(): void {
    this.save([]);
  }

  private save(exchanges: Exchange[]): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(exchanges));
    } catch {
      // Full or forbidden storage only costs the history, not the chat.
    }
  }
}

/** sessionStorage, or undefined where touching it throws. */
export function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
