/**
 * @module source-refresh
 * Keeps crawled websites current in a running server: one reindex (with its
 * crawl) right after start-up, so SOURCE_URLS are indexed without waiting for
 * an operator, then one every SOURCE_REFRESH_MINUTES when set. Failures are
 * logged by the reindexer and must not stop the timer.
 */
import type { Reindexer } from "./reindexer.js";

export interface SourceRefresh {
  close(): void;
}

export function refreshSources(reindexer: Pick<Reindexer, "reindex">, refreshMinutes: number): SourceRefresh {
  const run = (reason: string) => void reindexer.reindex({ reason }).catch(() => undefined);
  run("crawl SOURCE_URLS at start-up");
  const timer = refreshMinutes > 0 ? setInterval(() => run("SOURCE_REFRESH_MINUTES"), refreshMinutes * 60_000) : undefined;
  timer?.unref();
  return { close: () => clearInterval(timer) };
}
