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
import { type Calibration, loadConfig, type Config } from "../config.js";
import type { Chunk, LoadedSnapshot } from "../core/types.js";
import type { Embedder } from "../embeddings/types.js";
import { parseFile } from "../ingest/parse-file.js";
import type { ChunkingOptions, SourceDocument } from "../ingest/types.js";
import { createLogger } from "../logger.js";
import { createServices, type Services } from "../services.js";
import { documentFile, type EvalDocument, type QaSet } from "./qa-sets.js";

/** A record as the Markdown file it is written to. */
function markdownOf(document: EvalDocument): string {
  return `# ${document.title}\n\n${document.text}\n`;
}

/** Writes each record as `<id>.md` in `dir`, rewriting only files whose content changed and removing the others. */
export function writeCorpus(dir: string, documents: EvalDocument[]): void {
  mkdirSync(dir, { recursive: true });
  const wanted = new Map(documents.map((d) => [documentFile(d.id), markdownOf(d)]));
  for (const file of readdirSync(dir)) if (!wanted.has(file)) rmSync(path.join(dir, file));
  for (const [file, content] of wanted) {
    const target = path.join(dir, file);
    if (!existsSync(target) || readFileSync(target, "utf8") !== content) writeFileSync(target, content);
  }
}

/** The chunks ingest makes of the records' files (the product's Markdown loader and chunker), without embedding or indexing them, and the loaded documents by source. */
export async function chunkedDocuments(documents: EvalDocument[], chunking: ChunkingOptions): Promise<{ chunks: Chunk[]; documents: Map<string, SourceDocument> }> {
  const chunks: Chunk[] = [];
  const loaded = new Map<string, SourceDocument>();
  for (const d of documents) {
    const parsed = await parseFile({ source: documentFile(d.id), type: ".md", bytes: Buffer.from(markdownOf(d)), chunking });
    chunks.push(...parsed.chunks);
    loaded.set(parsed.document.source, parsed.document);
  }
  return { chunks, documents: loaded };
}

export interface ProductOptions {
  /** Where sets are written and indexed (one folder each). */
  workDir: string;
  embedder: Embedder;
  /** Settings over the environment's (e.g. thresholds being judged); the chat model is off unless given here. */
  env?: Record<string, string>;
  /** Fitted values in place of the bundled calibration.json (e.g. BM25 parameters just chosen). */
  calibration?: Readonly<Calibration>;
}

/** The product's services over one set's corpus, built as `npm start` builds them. */
export async function openProduct(set: QaSet, options: ProductOptions): Promise<Services> {
  const base = path.join(options.workDir, set.group === undefined ? set.name : `${set.name}-${set.group}`);
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
  }, process.cwd(), options.calibration);
  const services = await createServices(config, createLogger(config.logLevel), { embedder: options.embedder });
  // A server loads the index it finds; the eval builds it afresh first, as `npm run ingest -- --full` would, so that a
  // change to the loaders or the chunker is measured even where the documents did not change (an incremental build
  // keeps the chunks of unchanged files). Embeddings still come from the cache in front of the embedder.
  await services.reindexer.reindex({ reason: "eval", full: true });
  return services;
}

/** Every chunk the product indexed: the eval always runs the embedded store, whose generations are held in memory. */
export function indexedChunks(services: Services): Chunk[] {
  const snapshot = services.ask.index.current;
  if (!("chunks" in snapshot)) throw new Error("the eval reads the embedded store's in-memory generation (VECTOR_STORE=hnsw)");
  return (snapshot as LoadedSnapshot).chunks;
}
