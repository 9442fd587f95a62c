/**
 * @module history
 * The conversation so far, kept in session storage so that it survives a page
 * navigation within the tab (the widget follows a visitor around a site).
 * Storage can be missing or full (private modes, sandboxed frames): the chat
 * then simply starts empty.
 */
import type { CitedPassage } from "../../answer/ask.js";

/** One finished question and its answer. */
export interface Exchange {
  question: string;
  answer: string;
  abstained: boolean;
  citations: CitedPassage[];
}

// Enough for a session; keeps storage well under its quota.
const MAX_EXCHANGES = 20;

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
