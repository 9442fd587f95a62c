/**
 * @module open-index
 * Start-up's view of the index: load the live generation, or build one when
 * there is none, when it was built by another embedder, or when every
 * generation on disk is unusable — each case said in one clear log line that
 * names the file at fault.
 */
import type { Logger } from "../logger.js";
import { EmbedderMismatchError, IndexUnusableError } from "../store/errors.js";
import type { IndexSnapshot } from "../core/types.js";
import { buildIndex, type BuildReport, type IngestSetup } from "./build-index.js";
import { withIngestLock } from "./ingest-lock.js";

export interface OpenIndexOptions extends IngestSetup {
  logger: Logger;
}

export async function openIndex(options: OpenIndexOptions): Promise<IndexSnapshot> {
  const { indexDir, embedder, logger, store } = options;
  let liveIsDamaged = false;
  try {
    const loaded = await store.loadLive(embedder);
    if (loaded) {
      for (const { generation, error } of loaded.rejected) {
        logger.warn({ generation, file: error.file }, `skipped unusable index generation: ${error.message}`);
      }
      return loaded.snapshot;
    }
    logger.info({ indexDir }, "no index yet: building it from the corpus");
  } catch (error) {
    if (!(error instanceof IndexUnusableError)) throw error;
    const reason = error instanceof EmbedderMismatchError ? "embedder changed" : "index unusable";
    logger.warn({ file: error.file }, `${reason}: ${error.message}; rebuilding`);
    liveIsDamaged = true;
  }
  const report = await withIngestLock(indexDir, () => buildIndex({ ...options, store, liveIsDamaged }));
  logBuildReport(logger, report);
  // A build finding the corpus "up to date" publishes nothing; with a damaged
  // live generation it always publishes, so what is live here can be loaded.
  if (report.published) return report.published;
  const reloaded = await store.loadLive(embedder);
  if (!reloaded) throw new Error(`index in ${indexDir} was built but cannot be found`);
  return reloaded.snapshot;
}

/** Logs what a build did: unreadable and unsupported files, then one summary line. */
export function logBuildReport(logger: Logger, report: BuildReport): void {
  for (const failure of report.failures) logger.warn({ source: failure.source }, `skipped unreadable file: ${failure.message}`);
  if (report.skipped.length) {
    logger.info({ files: report.skipped }, `skipped ${report.skipped.length} file(s) with unsupported extensions`);
  }
  logger.info(
    {
      generation: report.manifest.generation,
      documents: report.manifest.documentCount,
      chunks: report.manifest.chunkCount,
      ...summaryCounts(report),
      ms: Math.round(report.durationMs),
    },
    report.published ? "index published" : "index up to date",
  );
}

/** The counts a build summary shows: files by change, chunks by fate. */
export function summaryCounts(report: BuildReport) {
  const { added, changed, removed, unchanged, reread } = report.files;
  return {
    filesAdded: added.length,
    filesChanged: changed.length,
    filesReread: reread.length,
    filesRemoved: removed.length,
    filesUnchanged: unchanged.length,
    chunksEmbedded: report.chunks.embedded,
    chunksReused: report.chunks.reused,
    chunksDeleted: report.chunks.deleted,
  };
}
