/**
 * @module chat-rewrite
 * Follow-up rewriting by the chat model, with the heuristic as a safety net:
 * a failed, slow or implausible rewrite never blocks the answer.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Logger } from "../logger.js";
import type { ChatTurn, QuestionRewriter } from "./follow-up.js";
import { rewriteMessages } from "./prompt.js";

export interface ChatRewriterOptions {
  /** Deadline of the rewriting call; past it the fallback rewriter answers. */
  timeoutMs: number;
  fallback: QuestionRewriter;
  logger: Logger;
}

// A rewrite longer than this is the model answering or rambling, not a question.
const MAX_REWRITE_CHARS = 2000;
// What the model is shown of the conversation: its last turns, each cut short. A reference points at the
// recent past, and a request's whole history (up to 64 KB) would cost a prompt of that size for every follow-up.
export const REWRITE_HISTORY_TURNS = 6;
export const REWRITE_TURN_CHARS = 1000;

export class ChatRewriter implements QuestionRewriter {
  constructor(
    private readonly chat: BaseChatModel,
    private readonly options: ChatRewriterOptions,
  ) {}

  async rewrite(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string> {
    if (!history.length) return question;
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const recent = history.slice(-REWRITE_HISTORY_TURNS).map((turn) => ({ ...turn, content: turn.content.slice(0, REWRITE_TURN_CHARS) }));
      const message = await this.chat.invoke(rewriteMessages(question, recent), {
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const rewritten = message.text.trim().split("\n")[0]!.trim();
      if (rewritten && rewritten.length <= MAX_REWRITE_CHARS) return rewritten;
      this.options.logger.warn({ length: rewritten.length }, "follow-up rewrite unusable; using the heuristic");
    } catch (error) {
      if (signal?.aborted) throw error;
      this.options.logger.warn({ err: (error as Error)?.message, timedOut: deadline.aborted }, "follow-up rewrite failed; using the heuristic");
    }
    return this.options.fallback.rewrite(question, history, signal);
  }
}
