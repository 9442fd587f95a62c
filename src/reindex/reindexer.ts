/**
 * @module reindexer
 * Reindexing inside the running server: build a new generation (incrementally),
 * then swap it into the IndexHolder. Requests in flight finish on the snapshot
 * they started with; new ones see the new one. A failed build leaves the old
 * generation live and is logged and rethrown. Reindexes run one at a time: in
 * this process through a queue, across processes through the ingest lock.
 */
import type { Embedder } from "../embeddings/types.js";
import { buildIndex, type BuildReport } from "../ingest/build-index.js";
import { withIngestLock } from "../ingest/ingest-lock.js";
import { logBuildReport } from "../ingest/open-index.js";
import type { ChunkingOptions, LoadLimits } from "../ingest/types.js";
import type { Logger } from "../logger.js";
import type { GenerationStore } from "../store/types.js";
import type { IndexHolder } from "../store/index-holder.js";

export interface ReindexerOptions {
  corpusDir: string;
  indexDir: string;
  chunking: ChunkingOptions;
  loading?: LoadLimits;
  embedder: Embedder;
  index: IndexHolder;
  logger: Logger;
  /** Where generations live (see store/index.ts). */
  store: GenerationStore;
}

export interface ReindexRequest {
  /** Embed everything again instead of reusing cached vectors. */
  full?: boolean;
  /** Why (admin request, corpus change): for the log. */
  reason: string;
}

export interface ReindexOutcome {
  /** `published`: a new generation was built and swapped in; `reloaded`: another process had published one; `up-to-date`: nothing changed. */
  status: "published" | "reloaded" | "up-to-date";
  generation: string;
  builtAt: string;
  report: BuildReport;
}

interface Pending {
  full: boolean;
  promise: Promise<ReindexOutcome>;
}

export class Reindexer {
  private tail: Promise<unknown> = Promise.resolve();
  private pending?: Pending;

  constructor(private readonly options: ReindexerOptions) {}

  /**
   * Queues a reindex after the running one, if any. Requests arriving while one
   * is already waiting join it: it will see their changes too.
   */
  reindex(request: ReindexRequest): Promise<ReindexOutcome> {
    if (this.pending) {
      this.pending.full ||= Boolean(request.full);
      return this.pending.promise;
    }
    const pending: Pending = { full: Boolean(request.full), promise: undefined! };
    pending.promise = this.tail.then(() => {
      this.pending = undefined;
      return this.run(pending.full, request.reason);
    });
    this.pending = pending;
    this.tail = pending.promise.catch(() => undefined);
    return pending.promise;
  }

  private async run(full: boolean, reason: string): Promise<ReindexOutcome> {
    const { index, logger, indexDir, embedder } = this.options;
    const serving = index.current.manifest.generation;
    logger.info({ reason, full }, "reindex started");
    try {
      const report = await withIngestLock(indexDir, () =>
        buildIndex({ ...this.options, full, serving: index.current, onProgress: (p) => logger.debug(p, "reindex progress") }),
      );
      logBuildReport(logger, report);
      let status: ReindexOutcome["status"] = "up-to-date";
      if (report.published) {
        index.swap(report.published);
        status = "published";
      } else if (report.manifest.generation !== serving) {
        // The corpus matches a generation another process (npm run ingest) published.
        const loaded = await this.options.store.loadLive(embedder);
        if (loaded) index.swap(loaded.snapshot);
        status = "reloaded";
      }
      const { generation, builtAt } = index.current.manifest;
      logger.info({ status, generation, previous: serving }, `reindex done: ${status}`);
      return { status, generation, builtAt, report };
    } catch (error) {
      logger.error({ err: error, generation: serving }, `reindex failed; still serving ${serving}: ${(error as Error).message}`);
      throw error;
    }
  }
}
