import pg from "pg";
import { PgQuestionLog } from "../../src/insights/question-log/postgres/pg-question-log.js";
import { startPgliteServer } from "../helpers/pglite-server.js";
import { describeInsightsService } from "./insights-service.suite.js";

describeInsightsService("PostgreSQL + pgvector store (PGlite)", async () => {
  const database = await startPgliteServer();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    env: { QUESTION_LOG: "1", VECTOR_STORE: "pgvector", DATABASE_URL: database.url },
    openLog: () => PgQuestionLog.connect(database.url),
    rawRows: async () => (await client.query<Record<string, unknown>>("SELECT * FROM rag_questions")).rows,
    breakStore: async () => void (await client.query("DROP TABLE rag_questions")),
    async close() {
      await client.end();
      await database.close();
    },
  };
});
