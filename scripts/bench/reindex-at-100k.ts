/**
 * @module bench/reindex-at-100k
 * A whole reindex, end to end, at the benchmark's 100k-chunk size: the sized
 * corpus's 32,000 documents written as files, indexed once, then one file
 * changed at a time and `buildIndex` run as a server's reindexer runs it (the
 * same store, the snapshot being served passed in, parse workers kept across
 * builds). Embeddings come from a
 * stand-in derived from each text's hash: this measures everything but the
 * model (listing, hashing and reading files, chunking, planning, publishing).
 *
 * Usage: npx tsx scripts/bench/reindex-at-100k.ts   (about 3 minutes; writes only to a temp folder)
 */
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { createHash } from "node:crypto";
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { buildIndex } from "../../src/ingest/build-index.js";
import { ParseWorkers } from "../../src/ingest/parse-workers.js";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { CHUNKING, loadBaseCorpus, sizedCorpus } from "./dataset.js";
import { benchVectors, DIMENSION } from "./vector-cache.js";

const ROUNDS = 3;
const root = await mkdtemp(path.join(os.tmpdir(), "bench-reindex-100k-"));
const corpusDir = path.join(root, "corpus");
const indexDir = path.join(root, "index");
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

const base = loadBaseCorpus();
const corpus = sizedCorpus(base, 100_000, 2000, (await benchVectors(base, 2000)).chunkVectors, DIMENSION);
const embedder: Embedder = {
  id: LOCAL_USE_ID,
  dimension: DIMENSION,
  embedQuery: async () => new Array<number>(DIMENSION).fill(0.01),
  embedDocuments: async (texts) =>
    texts.map((text) => {
      const hash = createHash("sha256").update(text).digest();
      return Array.from({ length: DIMENSION }, (_, i) => (hash[i % 32]! - 128) / 128);
    }),
};
const parser = new ParseWorkers();
try {
  for (const doc of corpus.documents.values()) {
    const file = path.join(corpusDir, doc.source);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${doc.title}\n\n${doc.text}\n`);
  }
  const store = embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 });
  let started = performance.now();
  let serving = (await buildIndex({ corpusDir, indexDir, chunking: CHUNKING, embedder, store, parser })).published!;
  console.log(`first build: ${seconds(started)} s, ${serving.manifest.chunkCount} chunks, ${serving.manifest.documentCount} files`);
  for (let round = 1; round <= ROUNDS; round++) {
    const source = [...corpus.documents.keys()][round * 1000]!;
    await appendFile(path.join(corpusDir, source), `\nRound ${round} adds this sentence.\n`);
    started = performance.now();
    const report = await buildIndex({ corpusDir, indexDir, chunking: CHUNKING, embedder, store, serving, parser });
    console.log(`one file changed: ${seconds(started)} s (${report.chunks.embedded} chunk embedded)`);
    serving = report.published ?? serving;
  }
  started = performance.now();
  await buildIndex({ corpusDir, indexDir, chunking: CHUNKING, embedder, store, serving, parser });
  console.log(`no change: ${seconds(started)} s`);
} finally {
  await parser.close();
  await rm(root, { recursive: true, force: true });
}
