import { PgQuestionLog } from "../../src/insights/question-log/postgres/pg-question-log.js";
import { startPgliteServer } from "../helpers/pglite-server.js";
import { describeQuestionLogContract } from "./question-log.contract.js";

describeQuestionLogContract("PostgreSQL (PGlite)", async () => {
  const database = await startPgliteServer();
  const log = await PgQuestionLog.connect(database.url);
  return {
    log,
    async close() {
      await log.close();
      await database.close();
    },
  };
});
