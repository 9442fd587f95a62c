/**
 * @module question-log/safe-question-log
 * The question log as the answer path uses it: a write is queued and left to
 * run after the response, so a slow or broken store can never delay or fail
 * an answer. Failures are reported (logged and counted by the caller's
 * `onFailure`) and otherwise swallowed; writes waiting beyond `maxPending`
 * are dropped and reported the same way, so a hung database cannot pile up
 * memory. Reads (the report) pass through and fail as themselves.
 */
import type { AnswerOutcome } from "../../answer/types.js";
import type { DailyOutcomeCount, Feedback, LoggedQuestion, QuestionLog, QuestionRecord } from "./types.js";

/** Which operation of the log failed. */
export type LogOperation = "record" | "feedback" | "retention";

export interface SafeQuestionLogOptions {
  onFailure(operation: LogOperation, error: unknown): void;
  /** Writes in flight before new ones are dropped. */
  maxPending?: number;
}

// A store that answers slower than this many questions arrive is broken, not busy.
const DEFAULT_MAX_PENDING = 256;

export class SafeQuestionLog {
  /** Writes in flight by answer id, so a vote waits for the answer it refers to. */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly maxPending: number;

  constructor(
    private readonly store: QuestionLog,
    private readonly options: SafeQuestionLogOptions,
  ) {
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  }

  /** Queues the entry; returns at once and never throws. */
  record(entry: QuestionRecord): void {
    if (this.pending.size >= this.maxPending) {
      this.options.onFailure("record", new Error(`${this.pending.size} question log writes pending; entry dropped`));
      return;
    }
    // setImmediate: the store (synchronous SQLite included) runs after the response has been written.
    const write = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.store.record(entry))
      .catch((error: unknown) => this.options.onFailure("record", error))
      .finally(() => this.pending.delete(entry.id));
    this.pending.set(entry.id, write);
  }

  /** The answer's outcome when the vote was stored; undefined when the answer is not logged or the store failed. */
  async addFeedback(id: string, feedback: Feedback, at: Date): Promise<AnswerOutcome | undefined> {
    await this.pending.get(id);
    try {
      return await this.store.addFeedback(id, feedback, at);
    } catch (error) {
      this.options.onFailure("feedback", error);
      return undefined;
    }
  }

  /** Deletes entries older than `cutoff`; a failure is reported and the next run tries again. */
  async deleteBefore(cutoff: Date): Promise<number> {
    try {
      return await this.store.deleteBefore(cutoff);
    } catch (error) {
      this.options.onFailure("retention", error);
      return 0;
    }
  }

  entries(query: { since: Date; gapsOnly?: boolean; limit: number }): Promise<LoggedQuestion[]> {
    return this.store.entries(query);
  }

  dailyOutcomes(since: Date): Promise<DailyOutcomeCount[]> {
    return this.store.dailyOutcomes(since);
  }

  /** Resolves once every queued write has finished (or failed). */
  async flush(): Promise<void> {
    await Promise.all(this.pending.values());
  }

  async close(): Promise<void> {
    await this.flush();
    await this.store.close();
  }
}
