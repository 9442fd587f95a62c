/**
 * @module question-log/types
 * What the question log keeps, and the seam its backends implement (SQLite
 * embedded, PostgreSQL next to pgvector). The record is deliberately narrow:
 * what was asked and how the answer came out, never who asked it — no IP
 * address, header, cookie or conversation history ever reaches a backend,
 * because none of them is in these types.
 */
import type { AnswerOutcome } from "../../answer/types.js";
import type { Feedback } from "../../core/feedback.js";

export type { Feedback, Vote } from "../../core/feedback.js";

/** A passage an answer cited or, when it cited none, one that came closest. */
export interface LoggedSource {
  /** The chunk id, as in /ask citations. */
  id: string;
  source: string;
  title: string;
  score: number;
}

/** One answered question, exactly as stored. */
export interface QuestionRecord {
  /** The answer's id (AskResult.id), which feedback refers to. */
  id: string;
  askedAt: Date;
  /** What was searched: the question, or a follow-up rewritten to stand alone. */
  question: string;
  outcome: AnswerOutcome;
  confidence: number;
  sources: LoggedSource[];
  /** Rewrite, retrieval and answering time. */
  latencyMs: number;
  model: string;
}

export interface LoggedQuestion extends QuestionRecord {
  feedback?: Feedback & { at: Date };
}

/** Questions per UTC day and outcome. */
export interface DailyOutcomeCount {
  /** YYYY-MM-DD, UTC. */
  day: string;
  outcome: AnswerOutcome;
  count: number;
}

export interface QuestionLog {
  record(entry: QuestionRecord): Promise<void>;
  /**
   * Attaches feedback to a logged answer (a later vote replaces an earlier
   * one); resolves to that answer's outcome, or undefined when no answer with
   * this id is logged.
   */
  addFeedback(id: string, feedback: Feedback, at: Date): Promise<AnswerOutcome | undefined>;
  /**
   * Entries asked at or after `since`, newest first, at most `limit`; with
   * `gapsOnly`, only those the documents failed: not found, uncertain, or
   * voted down.
   */
  entries(query: { since: Date; gapsOnly?: boolean; limit: number }): Promise<LoggedQuestion[]>;
  dailyOutcomes(since: Date): Promise<DailyOutcomeCount[]>;
  /** Deletes entries asked before `cutoff`; resolves to how many went. */
  deleteBefore(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}
