import { rm } from "node:fs/promises";
import path from "node:path";
import { SqliteQuestionLog } from "../../src/insights/question-log/embedded/sqlite-question-log.js";
import { makeTempDir } from "../helpers/test-server.js";
import { describeQuestionLogContract } from "./question-log.contract.js";

describeQuestionLogContract("SQLite file", async () => {
  const dir = await makeTempDir("rag-question-log-");
  const log = new SqliteQuestionLog(path.join(dir, "nested", "questions.sqlite"));
  return {
    log,
    async close() {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
