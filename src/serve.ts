/**
 * @module serve
 * Serving, as `npm start` and `grounded-rag serve` both do it: build the
 * services once from the config, listen, bring the index up to date with the
 * corpus, optionally watch the corpus, and hand the process's signals to the
 * lifecycle.
 */
import type { Config } from "./config.js";
import { manageLifecycle } from "./lifecycle.js";
import { createLogger } from "./logger.js";
import { watchCorpus } from "./reindex/corpus-watcher.js";
import { listen } from "./server/http-server.js";
import { refreshSources } from "./reindex/source-refresh.js";
import { createServiceApp, createServices } from "./services.js";

export async function serve(config: Config, options: { watch: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  const running = await listen(createServiceApp(services), config.server.port, config.server.host, config.server);
  logger.info({ url: running.url, answers: services.ask.answerer.model, embedder: services.embedder.id }, `serving on ${running.url}`);
  const watcher = options.watch
    ? watchCorpus({ corpusDir: config.corpusDir, debounceMs: config.reindex.debounceMs, reindexer: services.reindexer, logger })
    : undefined;
  // SOURCE_URLS: one reindex right after start-up, with a crawl, and the corpus is built with it.
  const sourceRefresh = config.sources.urls.length ? refreshSources(services.reindexer, config.sources.refreshMinutes) : undefined;
  // The documents may have changed while the server was down, or a newer loader may read them differently: the index
  // follows without an operator, built in the background while the index on disk serves. Not with pgvector: that
  // index is shared by every replica, and a replica's CORPUS_DIR need not hold the corpus (`npm run ingest` builds it).
  // Not when the index was built from the corpus since this process started (there was none): it is up to date.
  const builtSinceStart = Date.parse(services.index.current.manifest.builtAt) >= Date.now() - process.uptime() * 1000;
  if (!sourceRefresh && config.vectorStore.kind === "hnsw" && !builtSinceStart) {
    services.reindexer.reindex({ reason: "start-up: catch up with the corpus" }).catch(() => undefined);
  }
  manageLifecycle({
    server: running.server,
    logger,
    graceMs: config.server.shutdownGraceMs,
    onDraining: () => services.operations.readiness.markDraining(),
    release: () => {
      watcher?.close();
      sourceRefresh?.close();
      return services.close();
    },
  });
}
