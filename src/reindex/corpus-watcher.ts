/**
 * @module corpus-watcher
 * `npm start -- --watch` / WATCH_CORPUS=1: watches the corpus folder and asks
 * for a reindex once changes have settled for `debounceMs` (an editor saving,
 * a copy of many files: one reindex, not hundreds).
 */
import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "../logger.js";
import type { Reindexer } from "./reindexer.js";

export interface CorpusWatcherOptions {
  corpusDir: string;
  debounceMs: number;
  reindexer: Pick<Reindexer, "reindex">;
  logger: Logger;
}

export interface CorpusWatcher {
  close(): void;
}

/** Starts watching; failed reindexes are already logged by the reindexer, so they are not rethrown here. */
export function watchCorpus({ corpusDir, debounceMs, reindexer, logger }: CorpusWatcherOptions): CorpusWatcher {
  let timer: NodeJS.Timeout | undefined;
  const changed = (filename: string | null) => {
    // Hidden files (editor swap files, .git) are not part of the corpus.
    if (filename && filename.split(/[\\/]/).some((part) => part.startsWith("."))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      reindexer.reindex({ reason: "corpus changed" }).catch(() => undefined);
    }, debounceMs);
  };
  const watcher: FSWatcher = watch(corpusDir, { recursive: true }, (_event, filename) => changed(filename));
  watcher.on("error", (error) => logger.error({ err: error, corpusDir }, "corpus watcher stopped"));
  logger.info({ corpusDir, debounceMs }, "watching the corpus for changes");
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
