/**
 * @module reindexer
 * Reindexing inside the running server: build a new generation (incrementally),
 * then swap it into the IndexHolder. Requests in flight finish on the snapshot
 * they started with; new ones see the new one. A failed build leaves the old
 * generation live and is logged and rethrown. Reindexes run one at a time: in
 * this process through a queue, across processes through the ingest lock.
 * An operator's change to the documents (`change`) is refused while a reindex
 * runs rather than queued, so the response to it can say when it is live.
 */
import { buildIndex, type BuildReport, type IngestSetup } from "../ingest/build-index.js";
import { withIngestLock } from "../ingest/ingest-lock.js";
import { logBuildReport } from "../ingest/open-index.js";
import type { Logger } from "../logger.js";
import type { IndexHolder } from "../store/index-holder.js";
import type { BuildProgress } from "../ingest/progress.js";
import type { CrawlReport } from "../sources/web/crawler.js";

export interface ReindexerOptions extends IngestSetup {
  index: IndexHolder;
  logger: Logger;
  /** Re-crawls the websites of SOURCE_URLS before each build (their pages are built with the corpus). */
  crawlSources?: () => Promise<CrawlReport>;
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
  /** What the crawl of SOURCE_URLS found, when websites are sources. */
  sources?: CrawlReport;
}

/** What the reindexer is doing, for the admin page's progress bar. */
export interface ReindexStatus {
  running: boolean;
  reason?: string;
  startedAt?: string;
  /** The step of the build under way, once it has one. */
  progress?: BuildProgress;
}

/** A change to the documents was refused because a reindex is running or waiting: nothing was changed. */
export class ReindexBusyError extends Error {
  override name = "ReindexBusyError";
  constructor() {
    super("A reindex is already running; nothing was changed. Try again when it is done.");
  }
}

interface Pending {
  full: boolean;
  promise: Promise<ReindexOutcome>;
}

export class Reindexer {
  private tail: Promise<unknown> = Promise.resolve();
  private pending?: Pending;
  /** Changes to the documents being applied (their reindex follows). */
  private changing = 0;
  private state: ReindexStatus = { running: false };

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

  /** Whether a reindex (or a change to the documents) is under way or waiting. */
  get busy(): boolean {
    return this.state.running || this.pending !== undefined || this.changing > 0;
  }

  get status(): ReindexStatus {
    return this.state;
  }

  /**
   * Applies a change to the documents (`apply`), then reindexes and resolves
   * once the change is live. Throws a ReindexBusyError, before calling
   * `apply`, when a reindex is already under way or waiting.
   */
  async change<T>(apply: () => Promise<T>, request: ReindexRequest): Promise<{ applied: T; outcome: ReindexOutcome }> {
    if (this.busy) throw new ReindexBusyError();
    this.changing++;
    let applied: T;
    let outcome: Promise<ReindexOutcome>;
    try {
      applied = await apply();
      // Queued before `changing` drops, so the reindexer never looks idle in between.
      outcome = this.reindex(request);
    } finally {
      this.changing--;
    }
    return { applied, outcome: await outcome };
  }

  private async run(full: boolean, reason: string): Promise<ReindexOutcome> {
    const { index, logger, indexDir, embedder } = this.options;
    const serving = index.current.manifest.generation;
    logger.info({ reason, full }, "reindex started");
    this.state = { running: true, reason, startedAt: new Date().toISOString() };
    try {
      let sources: CrawlReport | undefined;
      const report = await withIngestLock(indexDir, async () => {
        sources = await this.options.crawlSources?.();
        return buildIndex({
          ...this.options,
          full,
          serving: index.current,
          onProgress: (progress) => {
            this.state = { ...this.state, progress };
            logger.debug(progress, "reindex progress");
          },
        });
      });
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
      return { status, generation, builtAt, report, ...(sources && { sources }) };
    } catch (error) {
      logger.error({ err: error, generation: serving }, `reindex failed; still serving ${serving}: ${(error as Error).message}`);
      throw error;
    } finally {
      this.state = { running: false };
    }
  }
}
