/**
 * @module question-log/embedded/sqlite-question-log
 * The question log in one SQLite file, the default: nothing to install or
 * run, and it survives restarts. better-sqlite3 because it is the most used
 * and best kept SQLite binding for Node.js, with a synchronous API that suits
 * tiny single-row writes (microseconds with WAL; the guard in front defers
 * them past the response anyway). Node.js 20 has no built-in `node:sqlite`,
 * and better-sqlite3 13 needs Node.js 22, hence version 12.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { AnswerOutcome } from "../../../answer/types.js";
import { fromRow, GAPS_CONDITION, type QuestionRow } from "../rows.js";
import type { DailyOutcomeCount, Feedback, LoggedQuestion, QuestionLog, QuestionRecord } from "../types.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS questions (
  id TEXT PRIMARY KEY,
  asked_at INTEGER NOT NULL,
  question TEXT NOT NULL,
  outcome TEXT NOT NULL,
  confidence REAL NOT NULL,
  sources TEXT NOT NULL,
  latency_ms REAL NOT NULL,
  model TEXT NOT NULL,
  vote TEXT,
  comment TEXT,
  feedback_at INTEGER
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);`;

/** A row as SQLite returns it: times in epoch milliseconds, sources as JSON text. */
type SqliteRow = Omit<QuestionRow, "asked_at" | "sources" | "feedback_at"> & { asked_at: number; sources: string; feedback_at: number | null };

export class SqliteQuestionLog implements QuestionLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly feedback: Database.Statement;

  /** Opens (creating if needed) the log at `file`. */
  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL: readers (the report) never block the writer, and a commit is one append.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO questions (id, asked_at, question, outcome, confidence, sources, latency_ms, model)
       VALUES (@id, @askedAt, @question, @outcome, @confidence, @sources, @latencyMs, @model)`,
    );
    this.feedback = this.db.prepare("UPDATE questions SET vote = ?, comment = ?, feedback_at = ? WHERE id = ? RETURNING outcome");
  }

  async record(entry: QuestionRecord): Promise<void> {
    this.insert.run({ ...entry, askedAt: entry.askedAt.getTime(), sources: JSON.stringify(entry.sources) });
  }

  async addFeedback(id: string, { vote, comment }: Feedback, at: Date): Promise<AnswerOutcome | undefined> {
    const row = this.feedback.get(vote, comment ?? null, at.getTime(), id) as Pick<QuestionRow, "outcome"> | undefined;
    return row?.outcome;
  }

  async entries({ since, gapsOnly = false, limit }: { since: Date; gapsOnly?: boolean; limit: number }): Promise<LoggedQuestion[]> {
    const gaps = gapsOnly ? `AND ${GAPS_CONDITION}` : "";
    const rows = this.db
      .prepare(`SELECT * FROM questions WHERE asked_at >= ? ${gaps} ORDER BY asked_at DESC LIMIT ?`)
      .all(since.getTime(), limit) as SqliteRow[];
    return rows.map((row) =>
      fromRow({
        ...row,
        asked_at: new Date(row.asked_at),
        sources: JSON.parse(row.sources) as QuestionRow["sources"],
        feedback_at: row.feedback_at === null ? null : new Date(row.feedback_at),
      }),
    );
  }

  async dailyOutcomes(since: Date): Promise<DailyOutcomeCount[]> {
    return this.db
      .prepare(
        `SELECT strftime('%Y-%m-%d', asked_at / 1000, 'unixepoch') AS day, outcome, count(*) AS count
         FROM questions WHERE asked_at >= ? GROUP BY day, outcome ORDER BY day`,
      )
      .all(since.getTime()) as DailyOutcomeCount[];
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    return this.db.prepare("DELETE FROM questions WHERE asked_at < ?").run(cutoff.getTime()).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
