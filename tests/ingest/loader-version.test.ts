/**
 * A loader that changed since the index was built: its files are read again by the next build, though their contents
 * did not change, so that no chunk made by the old loader outlives an upgrade — on either store.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import type { Chunk, LoadedSnapshot } from "../../src/core/types.js";
import { buildIndex, embeddingText } from "../../src/ingest/build-index.js";
import { loaderVersion } from "../../src/ingest/loaders/index.js";
import { keywordDocument } from "../../src/retrieval/keyword-document.js";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import type { GenerationStore } from "../../src/store/types.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { createTestDatabase, POSTGRES_URL } from "../helpers/postgres.js";
import { makeTempDir } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

const GUIDE = "Museum guide\n\nOpening hours\n\nThe museum opens at nine and closes at five.\n";
const chunking = { size: 480, overlap: 80 };
const embedder = fakeEmbedder({ id: "test:letters", dimension: 32 });

const stores: [string, boolean, () => Promise<{ store: GenerationStore; close(): Promise<void> }>][] = [
  ["embedded", true, async () => ({ store: embeddedStore(path.join(await makeTempDir(), "index"), { bm25: BUNDLED_CALIBRATION.bm25 }), close: async () => {} })],
  [
    "PostgreSQL + pgvector",
    Boolean(POSTGRES_URL),
    async () => {
      const database = await createTestDatabase();
      const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
      return { store, close: () => store.close().then(() => database.close()) };
    },
  ],
];

describe.each(stores)("a loader changed since the index was built (%s)", (_name, available, open) => {
  it.skipIf(!available)("When a file's record names no loader version (or another), Then the next build reads it again with the current loader, and the build after that finds the index up to date", async () => {
    const corpusDir = await writeCorpus({ "guide.txt": GUIDE });
    const indexDir = path.join(path.dirname(corpusDir), "index");
    const { store, close } = await open();
    try {
      // What an older plain-text loader made of the file, recorded before loader versions were: one passage, no sections.
      const bytes = await readFile(path.join(corpusDir, "guide.txt"));
      const text = bytes.toString("utf8").trimEnd();
      const old: Chunk = { id: "made-by-the-old-loader", source: "guide.txt", title: "Museum guide", headingPath: [], text, start: 0, end: text.length };
      await store.publish({
        manifest: {
          embedder: { id: embedder.id, dimension: embedder.dimension },
          space: "cosine",
          chunking,
          files: [{ source: "guide.txt", size: bytes.length, mtimeMs: 0, sha256: createHash("sha256").update(bytes).digest("hex"), chunkCount: 1, chunksDigest: "0" }],
        },
        chunks: [old],
        documents: new Map([["guide.txt", { source: "guide.txt", title: "Museum guide", text: bytes.toString("utf8") }]]),
        vectors: await embedder.embedDocuments([text]),
        keywordDocuments: [keywordDocument(old)],
      });

      const build = () => buildIndex({ corpusDir, indexDir, store, chunking, embedder });
      const reread = await build();
      expect(reread.files).toMatchObject({ added: [], changed: [], removed: [], unchanged: [], reread: ["guide.txt"] });
      const hours = await reread.published!.chunksById((await reread.published!.keywords.search("museum opens nine", 1)).map((h) => h.id));
      expect([...hours.values()][0]!.headingPath).toEqual(["Opening hours"]);
      expect(await reread.published!.chunksById(["made-by-the-old-loader"])).toEqual(new Map());
      expect(reread.manifest.files[0]!.loader).toBe(loaderVersion(".txt"));

      const again = await build();
      expect(again.published).toBeUndefined();
      expect(again.files).toMatchObject({ unchanged: ["guide.txt"], reread: [] });
    } finally {
      await close();
    }
  });

  it.skipIf(!available)("When an older loader made the very same passages but another title, Then the reread file's passages carry the current title", async () => {
    const corpusDir = await writeCorpus({ "guide.txt": GUIDE });
    const current = await buildIndex({ corpusDir, indexDir: path.join(await makeTempDir(), "scratch"), store: embeddedStore(path.join(await makeTempDir(), "scratch-index"), { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    const chunks = (current.published as LoadedSnapshot).chunks;
    const { store, close } = await open();
    try {
      // Same texts, sections and chunk digest as the current loader makes; only the title differs, and no loader is recorded.
      const retitled = chunks.map((chunk) => ({ ...chunk, title: "guide" }));
      const { loader: _unrecorded, ...record } = current.manifest.files[0]!;
      await store.publish({
        manifest: { embedder: { id: embedder.id, dimension: embedder.dimension }, space: "cosine", chunking, files: [record] },
        chunks: retitled,
        documents: new Map([["guide.txt", { source: "guide.txt", title: "guide", text: GUIDE }]]),
        vectors: await embedder.embedDocuments(retitled.map(embeddingText)),
        keywordDocuments: retitled.map((chunk) => keywordDocument(chunk, GUIDE)),
      });
      const reread = await buildIndex({ corpusDir, indexDir: path.join(path.dirname(corpusDir), "index"), store, chunking, embedder });
      expect(reread.files.reread).toEqual(["guide.txt"]);
      const titles = [...(await reread.published!.chunksById(chunks.map((c) => c.id))).values()].map((c) => c.title);
      expect(titles).toEqual(chunks.map(() => "Museum guide"));
    } finally {
      await close();
    }
  });
});
