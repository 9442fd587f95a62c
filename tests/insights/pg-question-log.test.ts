import { PgQuestionLog } from "../../src/insights/question-log/postgres/pg-question-log.js";
import { createTestDatabase, describeOnPostgres } from "../helpers/postgres.js";
import { describeQuestionLogContract } from "./question-log.contract.js";

describeOnPostgres("on a PostgreSQL 15 server", () => {
  describeQuestionLogContract("PostgreSQL", async () => {
    const database = await createTestDatabase();
    const log = await PgQuestionLog.connect(database.url);
    return {
      log,
      async close() {
        await log.close();
        await database.close();
      },
    };
  });
});
