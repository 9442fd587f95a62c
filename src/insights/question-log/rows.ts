/**
 * @module question-log/rows
 * The one row layout both backends store (snake_case columns, as in SQL), and
 * its mapping to a LoggedQuestion, so the two cannot drift apart.
 */
import type { AnswerOutcome } from "../../answer/types.js";
import type { LoggedQuestion, LoggedSource, Vote } from "./types.js";

export interface QuestionRow {
  id: string;
  asked_at: Date;
  question: string;
  outcome: AnswerOutcome;
  confidence: number;
  sources: LoggedSource[];
  latency_ms: number;
  model: string;
  vote: Vote | null;
  comment: string | null;
  feedback_at: Date | null;
}

/** The SQL condition of `entries({ gapsOnly: true })`: what the documents failed. */
export const GAPS_CONDITION = "(outcome <> 'answered' OR vote = 'down')";

export function fromRow(row: QuestionRow): LoggedQuestion {
  return {
    id: row.id,
    askedAt: row.asked_at,
    question: row.question,
    outcome: row.outcome,
    confidence: row.confidence,
    sources: row.sources,
    latencyMs: row.latency_ms,
    model: row.model,
    ...(row.vote && { feedback: { vote: row.vote, ...(row.comment !== null && { comment: row.comment }), at: row.feedback_at! } }),
  };
}
