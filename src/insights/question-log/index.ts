/**
 * @module question-log
 * The question log's public face: its types, the guard the answer path writes
 * through, and `openQuestionLog`, which picks the backend — PostgreSQL when the
 * index lives there (VECTOR_STORE=pgvector), else a SQLite file. Each
 * backend's driver is loaded only when chosen.
 */
import type { Config } from "../../config.js";
import type { QuestionLog } from "./types.js";

export type { DailyOutcomeCount, Feedback, LoggedQuestion, LoggedSource, QuestionLog, QuestionRecord, Vote } from "./types.js";
export { SafeQuestionLog, type LogOperation } from "./safe-question-log.js";
export { enforceRetention } from "./retention.js";

export async function openQuestionLog(config: Pick<Config, "vectorStore" | "questionLog">): Promise<QuestionLog> {
  if (config.vectorStore.kind === "pgvector") {
    const { PgQuestionLog } = await import("./postgres/pg-question-log.js");
    return PgQuestionLog.connect(config.vectorStore.databaseUrl);
  }
  const { SqliteQuestionLog } = await import("./embedded/sqlite-question-log.js");
  return new SqliteQuestionLog(config.questionLog.file);
}
