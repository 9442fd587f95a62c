/**
 * `npm run insights [-- --csv FILE | --json]`: the content-gap report of
 * GET /admin/insights, in a terminal. Reads the question log the server
 * writes (QUESTION_LOG_FILE, or the `rag_questions` table with
 * VECTOR_STORE=pgvector) and clusters with the same embedder. `--csv FILE`
 * also writes one row per cluster (`-` for standard output instead of the
 * text); `--json` prints the report as the route returns it.
 */
import "dotenv/config";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embeddings/index.js";
import { openQuestionLog } from "../src/insights/question-log/index.js";
import { buildInsightsReport } from "../src/insights/report.js";
import { insightsCsv, insightsText } from "../src/insights/report-text.js";

try {
  const { values } = parseArgs({ options: { csv: { type: "string" }, json: { type: "boolean" } } });
  const config = loadConfig();
  if (config.vectorStore.kind === "hnsw" && !existsSync(config.questionLog.file)) {
    throw new ConfigError(`no question log at ${config.questionLog.file}: start the server with QUESTION_LOG=1 to collect questions`);
  }
  const log = await openQuestionLog(config);
  try {
    const embedder = await createEmbedder(config);
    try {
      const report = await buildInsightsReport({ log, embedder, days: config.questionLog.days });
      if (values.csv === "-") process.stdout.write(insightsCsv(report));
      else {
        process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : insightsText(report));
        if (values.csv) {
          await writeFile(values.csv, insightsCsv(report));
          console.error(`wrote ${report.clusters.length} clusters to ${values.csv}`);
        }
      }
    } finally {
      await embedder.close?.();
    }
  } finally {
    await log.close();
  }
} catch (error) {
  const known = error instanceof ConfigError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(known ? `insights: ${(error as Error).message}` : `insights failed: ${(error as Error).message}`);
  process.exit(1);
}
