/**
 * `npm run ingest [-- --full]`: brings the index in INDEX_DIR up to date with
 * CORPUS_DIR, embedding only new or changed chunks (`--full`: everything), and
 * says what changed. A running server keeps serving the previous generation.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embeddings/index.js";
import { buildIndex, type BuildReport } from "../src/ingest/build-index.js";
import { acquireIngestLock, IngestLockedError } from "../src/ingest/ingest-lock.js";
import { logBuildReport } from "../src/ingest/open-index.js";
import { createProgressReporter } from "../src/ingest/progress.js";
import { createLogger } from "../src/logger.js";
import { createGenerationStore } from "../src/store/index.js";

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // The lock comes before the model loads, so a second ingest is refused at once.
  const lock = await acquireIngestLock(config.indexDir);
  const embedder = await createEmbedder(config).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  const store = await createGenerationStore(config).catch(async (error: unknown) => {
    await Promise.all([lock.release(), embedder.close?.()]);
    throw error;
  });
  try {
    const progress = createProgressReporter(process.stdout);
    const report = await buildIndex({
      store,
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      chunking: config.chunking,
      loading: config.ingest,
      embedder,
      full: process.argv.includes("--full"),
      onProgress: (p) => progress.update(p),
    }).finally(() => progress.stop());
    logBuildReport(logger, report);
    console.log(summary(report, config.indexDir));
  } finally {
    await lock.release();
    await Promise.all([embedder.close?.(), store.close?.()]);
  }
} catch (error) {
  const known = error instanceof ConfigError || error instanceof IngestLockedError;
  console.error(known ? `ingest refused: ${(error as Error).message}` : `ingest failed: ${(error as Error).message}`);
  process.exit(1);
}

function summary(report: BuildReport, indexDir: string): string {
  const { added, changed, removed, unchanged, reread } = report.files;
  const { embedded, reused, deleted } = report.chunks;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const head = report.published
    ? `Published ${report.manifest.generation} → ${indexDir} in ${seconds} s`
    : `Index is up to date (${report.manifest.generation}); checked in ${seconds} s`;
  return [
    head,
    `  files:  ${added.length} added, ${changed.length} changed, ${removed.length} removed, ${unchanged.length} unchanged` +
      (reread.length ? `, ${reread.length} read again by a newer loader` : "") +
      ` (${report.failures.length} unreadable, ${report.skipped.length} unsupported)`,
    `  chunks: ${embedded} embedded, ${reused} reused, ${deleted} deleted (${report.manifest.chunkCount} in the index)`,
  ].join("\n");
}
