/**
 * Keyword search in PostgreSQL skips the chunks that hold only common query
 * terms when they cannot reach the top k (MaxScore): the ranking must stay
 * exactly the embedded index's, whichever round the search stops in.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { keywordDocument } from "../../src/retrieval/keyword-document.js";
import { guardedQuery } from "../../src/store/pgvector/guarded-query.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { PgKeywordSearch } from "../../src/store/pgvector/pg-keyword-search.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { chunkOf, publishChunks } from "../helpers/publish-chunks.js";

// Every chunk says "museum", every third "forum", two "Hangzhou", two "kiln" once; eight say "ferry" five times, so
// that for "kiln ferry" a chunk without the rarest term wins. Lengths vary so that BM25's length norm matters.
const chunks = Array.from({ length: 60 }, (_, i) =>
  chunkOf(
    `c${String(i).padStart(2, "0")}`,
    [
      `The museum ${"collection ".repeat(i % 7)}opened.`,
      i % 3 === 0 ? "The forum met." : "",
      i === 7 || i === 40 ? "It was in Hangzhou." : "",
      i === 4 || i === 50 ? "A kiln stood there." : "",
      i >= 10 && i < 18 ? "ferry ferry ferry ferry ferry" : "",
      i % 5 === 0 ? "museum museum" : "",
    ].join(" "),
  ),
);
const QUERIES = ["museum forum Hangzhou", "forum museum", "museum", "Hangzhou collection", "kiln ferry", "unheard-of words", "forum"];

describeOnPostgres("keyword search in PostgreSQL, pruned", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let stats: { generation: number; chunkCount: number; totalLength: number };
  beforeAll(async () => {
    database = await createTestDatabase();
    const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    await publishChunks(store, fakeEmbedder(), chunks);
    await store.close();
    pool = new pg.Pool({ connectionString: database.url });
    const { rows } = await pool.query("SELECT generation, chunk_count, total_length FROM rag_live JOIN rag_generations USING (generation)");
    stats = { generation: Number(rows[0].generation), chunkCount: Number(rows[0].chunk_count), totalLength: Number(rows[0].total_length) };
  });
  afterAll(async () => {
    await pool?.end();
    await database?.close();
  });

  it("When the first round searches only the rarest term, Then every query's top k is the embedded index's, in order and score", async () => {
    const embedded = KeywordIndex.build(chunks.map(keywordDocument), BUNDLED_CALIBRATION.bm25);
    const searchWith = (firstRound: number) =>
      new PgKeywordSearch(guardedQuery(pool), stats.generation, { chunkCount: stats.chunkCount, totalLength: stats.totalLength, bm25: BUNDLED_CALIBRATION.bm25 }, firstRound);
    for (const firstRound of [1, 20, Number.POSITIVE_INFINITY]) {
      for (const query of QUERIES) {
        for (const k of [1, 5, 30]) {
          const want = embedded.search(query, k);
          const got = await searchWith(firstRound).search(query, k);
          expect(got.map((h) => h.id), `${query} k=${k} first round ${firstRound}`).toEqual(want.map((h) => h.id));
          got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 6));
        }
      }
    }
  });
});
