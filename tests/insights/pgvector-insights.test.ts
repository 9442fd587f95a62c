import pg from "pg";
import { PgQuestionLog } from "../../src/insights/question-log/postgres/pg-question-log.js";
import { createTestDatabase, describeOnPostgres } from "../helpers/postgres.js";
import { describeInsightsService } from "./insights-service.suite.js";

describeOnPostgres("on a PostgreSQL 15 server", () => {
  describeInsightsService("PostgreSQL + pgvector store", async () => {
    const database = await createTestDatabase();
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
});
