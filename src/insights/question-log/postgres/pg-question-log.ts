/**
 * @module question-log/postgres/pg-question-log
 * The question log in PostgreSQL, used with VECTOR_STORE=pgvector: the
 * replicas that share the index share one log, so a vote that reaches another
 * replica than the answer did still finds it, and the report sees every
 * replica's questions. Table `rag_questions`, created on connect.
 */
import pg from "pg";
import type { AnswerOutcome } from "../../../answer/types.js";
import { fromRow, GAPS_CONDITION, type QuestionRow } from "../rows.js";
import type { DailyOutcomeCount, Feedback, LoggedQuestion, QuestionLog, QuestionRecord } from "../types.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rag_questions (
  id uuid PRIMARY KEY,
  asked_at timestamptz NOT NULL,
  question text NOT NULL,
  outcome text NOT NULL,
  confidence double precision NOT NULL,
  sources jsonb NOT NULL,
  latency_ms double precision NOT NULL,
  model text NOT NULL,
  vote text,
  comment text,
  feedback_at timestamptz
);
CREATE INDEX IF NOT EXISTS rag_questions_asked_at ON rag_questions (asked_at);`;

// The log's writes are single rows; two connections keep one free for the report while a write waits.
const MAX_CONNECTIONS = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PgQuestionLog implements QuestionLog {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the table if it is missing. */
  static async connect(connectionString: string): Promise<PgQuestionLog> {
    const pool = new pg.Pool({ connectionString, max: MAX_CONNECTIONS });
    // A dropped idle connection is replaced by the pool; without a listener its 'error' would crash the process.
    pool.on("error", () => undefined);
    try {
      await pool.query(SCHEMA);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgQuestionLog(pool);
  }

  async record(entry: QuestionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO rag_questions (id, asked_at, question, outcome, confidence, sources, latency_ms, model)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.id, entry.askedAt, entry.question, entry.outcome, entry.confidence, JSON.stringify(entry.sources), entry.latencyMs, entry.model],
    );
  }

  async addFeedback(id: string, { vote, comment }: Feedback, at: Date): Promise<AnswerOutcome | undefined> {
    // Not a uuid cannot be a logged answer, and would be a type error in the query.
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.pool.query<Pick<QuestionRow, "outcome">>(
      "UPDATE rag_questions SET vote = $1, comment = $2, feedback_at = $3 WHERE id = $4 RETURNING outcome",
      [vote, comment ?? null, at, id],
    );
    return rows[0]?.outcome;
  }

  async entries({ since, gapsOnly = false, limit }: { since: Date; gapsOnly?: boolean; limit: number }): Promise<LoggedQuestion[]> {
    const gaps = gapsOnly ? `AND ${GAPS_CONDITION}` : "";
    const { rows } = await this.pool.query<QuestionRow>(
      `SELECT * FROM rag_questions WHERE asked_at >= $1 ${gaps} ORDER BY asked_at DESC LIMIT $2`,
      [since, limit],
    );
    return rows.map(fromRow);
  }

  async dailyOutcomes(since: Date): Promise<DailyOutcomeCount[]> {
    const { rows } = await this.pool.query<DailyOutcomeCount>(
      `SELECT to_char(asked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, outcome, count(*)::int AS count
       FROM rag_questions WHERE asked_at >= $1 GROUP BY day, outcome ORDER BY day`,
      [since],
    );
    return rows;
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    const { rowCount } = await this.pool.query("DELETE FROM rag_questions WHERE asked_at < $1", [cutoff]);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
