/**
 * @module serve
 * Serving, as `npm start` and `grounded-rag serve` both do it: build the
 * services once from the config, listen, optionally watch the corpus, and
 * hand the process's signals to the lifecycle.
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
  const sourceRefresh = config.sources.urls.length ? refreshSources(services.reindexer, config.sources.refreshMinutes) : undefined;
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
