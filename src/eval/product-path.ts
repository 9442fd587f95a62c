/**
 * @module product-path
 * The eval asks its questions of the product as `npm start` serves it: a
 * set's documents are written out as Markdown files (the title as the H1),
 * indexed by the product's own loaders, chunker and ingest into an index
 * folder of their own, and answered by the services `createServices` builds
 * from the configuration — the same retriever, gate, thresholds and
 * answerer. Only the embedder is shared, with an on-disk cache in front of it,
 * so that a re-run does not embed the same texts again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../config.js";
import type { Chunk, LoadedSnapshot } from "../core/types.js";
import type { Embedder } from "../embeddings/types.js";
import { createLogger } from "../logger.js";
import { createServices, type Services } from "../services.js";
import { documentFile, type EvalDocument, type QaSet } from "./qa-sets.js";

/** Writes each record as `<id>.md` in `dir`, rewriting only files whose content changed and removing the others. */
export function writeCorpus(dir: string, documents: EvalDocument[]): void {
  mkdirSync(dir, { recursive: true });
  const wanted = new Map(documents.map((d) => [documentFile(d.id), `# ${d.title}\n\n${d.text}\n`]));
  for (const file of readdirSync(dir)) if (!wanted.has(file)) rmSync(path.join(dir, file));
  for (const [file, content] of wanted) {
    const target = path.join(dir, file);
    if (!existsSync(target) || readFileSync(target, "utf8") !== content) writeFileSync(target, content);
  }
}

export interface ProductOptions {
  /** Where sets are written and indexed (one folder each). */
  workDir: string;
  embedder: Embedder;
  /** Settings over the environment's (e.g. thresholds being judged); the chat model is off unless given here. */
  env?: Record<string, string>;
}

/** The product's services over one set's corpus, built as `npm start` builds them. */
export async function openProduct(set: QaSet, options: ProductOptions): Promise<Services> {
  const base = path.join(options.workDir, set.name);
  const corpusDir = "dir" in set.corpus ? set.corpus.dir : path.join(base, "corpus");
  if ("documents" in set.corpus) writeCorpus(corpusDir, set.corpus.documents);
  const config: Config = loadConfig({
    ...process.env,
    OPENAI_API_KEY: "",
    VECTOR_STORE: "hnsw",
    ...options.env,
    CORPUS_DIR: corpusDir,
    INDEX_DIR: path.join(base, "index"),
    LOG_LEVEL: "warn",
  });
  return createServices(config, createLogger(config.logLevel), { embedder: options.embedder });
}

/** Every chunk the product indexed: the eval always runs the embedded store, whose generations are held in memory. */
export function indexedChunks(services: Services): Chunk[] {
  const snapshot = services.ask.index.current;
  if (!("chunks" in snapshot)) throw new Error("the eval reads the embedded store's in-memory generation (VECTOR_STORE=hnsw)");
  return (snapshot as LoadedSnapshot).chunks;
}
