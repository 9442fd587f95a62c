import { rm } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { SqliteQuestionLog } from "../../src/insights/question-log/embedded/sqlite-question-log.js";
import { makeTempDir } from "../helpers/test-server.js";
import { describeInsightsService } from "./insights-service.suite.js";

describeInsightsService("embedded SQLite store", async () => {
  const dir = await makeTempDir("rag-insights-");
  const file = path.join(dir, "question-log.sqlite");
  const withDatabase = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    env: { QUESTION_LOG: "1", QUESTION_LOG_FILE: file },
    openLog: async () => new SqliteQuestionLog(file),
    rawRows: async () => withDatabase((db) => db.prepare("SELECT * FROM questions").all() as Record<string, unknown>[]),
    breakStore: async () => void withDatabase((db) => db.exec("DROP TABLE questions")),
    close: () => rm(dir, { recursive: true, force: true }),
  };
});
