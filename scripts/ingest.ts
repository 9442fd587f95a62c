/**
 * `npm run ingest`: (re)builds the index from CORPUS_DIR into INDEX_DIR and
 * says what it did. The running server keeps serving the previous generation.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embeddings/index.js";
import { buildIndex } from "../src/ingest/build-index.js";
import { logBuildReport } from "../src/ingest/open-index.js";
import { createLogger } from "../src/logger.js";

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const embedder = await createEmbedder(config);
  const report = await buildIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, chunking: config.chunking, embedder });
  logBuildReport(logger, report);
  console.log(
    `Indexed ${report.manifest.documentCount} document(s) into ${report.manifest.chunkCount} chunks ` +
      `(${report.failures.length} unreadable, ${report.skipped.length} unsupported) in ${(report.durationMs / 1000).toFixed(1)} s → ${config.indexDir}`,
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `ingest failed: ${(error as Error).message}`);
  process.exit(1);
}
