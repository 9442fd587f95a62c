/**
 * @module insights
 * Where answers and readers' votes meet the question log and the metrics.
 * Every answer's id and outcome are also remembered in memory for a while
 * (ids and outcomes only, bounded), so a vote is counted by outcome in
 * /metrics even when the log is off or its store is failing.
 */
import type { AskResult } from "../answer/ask.js";
import type { AnswerOutcome } from "../answer/types.js";
import type { Metrics } from "../observability/metrics.js";
import type { Feedback, LoggedSource, QuestionRecord, SafeQuestionLog } from "./question-log/index.js";

// Answers voted on long after this many newer ones are found through the log, if there is one.
const REMEMBERED_ANSWERS = 10_000;
// For an answer that cites nothing (uncertain, not found): the passages that came closest.
const CLOSEST_SOURCES = 3;

export class Insights {
  private readonly outcomes = new Map<string, AnswerOutcome>();

  constructor(
    private readonly metrics: Pick<Metrics, "feedback">,
    /** Undefined when QUESTION_LOG is off. */
    readonly log?: SafeQuestionLog,
  ) {}

  /** Told about every finished answer, streamed or not. */
  answered(result: AskResult, at = new Date()): void {
    this.outcomes.set(result.id, result.outcome);
    if (this.outcomes.size > REMEMBERED_ANSWERS) this.outcomes.delete(this.outcomes.keys().next().value!);
    this.log?.record(questionRecord(result, at));
  }

  /** Records a vote on answer `id`; false when no such answer is known. */
  async feedback(id: string, feedback: Feedback, at = new Date()): Promise<boolean> {
    const outcome = (await this.log?.addFeedback(id, feedback, at)) ?? this.outcomes.get(id);
    if (!outcome) return false;
    this.metrics.feedback.inc({ vote: feedback.vote, outcome });
    return true;
  }
}

/** Exactly what the log keeps of an answer; nothing about the request is available here to leak. */
export function questionRecord(result: AskResult, askedAt: Date): QuestionRecord {
  const shown = result.citations.length ? result.citations : result.context.slice(0, CLOSEST_SOURCES);
  const sources: LoggedSource[] = shown.map(({ id, source, title, score }) => ({ id, source, title, score }));
  const { rewrite = 0, retrieve, answer } = result.timings_ms;
  return {
    id: result.id,
    askedAt,
    question: result.query,
    outcome: result.outcome,
    confidence: result.confidence,
    sources,
    latencyMs: Math.round((rewrite + retrieve + answer) * 100) / 100,
    model: result.model,
  };
}
