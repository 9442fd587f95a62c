/**
 * @module main
 * Composition root: read the config once, build the services once, serve.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "./config.js";
import { manageLifecycle } from "./lifecycle.js";
import { createLogger } from "./logger.js";
import { watchCorpus } from "./reindex/corpus-watcher.js";
import { listen } from "./server/http-server.js";
import { createServiceApp, createServices } from "./services.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  const running = await listen(createServiceApp(services), config.server.port, config.server.host);
  logger.info({ url: running.url, answers: services.ask.answerer.model, embedder: services.embedder.id }, `serving on ${running.url}`);
  const watcher =
    config.reindex.watch || process.argv.includes("--watch")
      ? watchCorpus({ corpusDir: config.corpusDir, debounceMs: config.reindex.debounceMs, reindexer: services.reindexer, logger })
      : undefined;
  manageLifecycle({
    server: running.server,
    logger,
    graceMs: config.server.shutdownGraceMs,
    onDraining: () => services.operations.readiness.markDraining(),
    release: () => {
      watcher?.close();
      return services.close();
    },
  });
}

main().catch((error: unknown) => {
  // One clear line for an operator, no stack trace, for errors we can explain.
  const message = error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error)?.message ?? String(error)}`;
  console.error(message);
  process.exit(1);
});
