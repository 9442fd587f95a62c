/**
 * Keyword search in PostgreSQL skips the chunks that hold only common query
 * terms when they cannot reach the top k (MaxScore, with per-term score
 * bounds kept by each publish): the ranking must stay exactly the embedded
 * index's, whichever round the search stops in, also after publishes that
 * remove the chunks that set a bound and change the average length.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { keywordDocument } from "../../src/retrieval/keyword-document.js";
import { guardedQuery, type Query } from "../../src/store/pgvector/guarded-query.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { PgKeywordSearch, reachingQuery } from "../../src/store/pgvector/pg-keyword-search.js";
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
// The next generation: the ten chunks that set the "ferry" and "kiln" bounds (short, many ferries) are gone, and long
// chunks raise the average length, so that the bounds stored before must be rescaled to stay bounds.
const nextChunks = [
  ...chunks.filter((c) => c.id !== "c04" && !(c.id >= "c10" && c.id < "c18")),
  ...Array.from({ length: 12 }, (_, i) =>
    chunkOf(`long${i}`, `${"The long museum record of the forum and its kiln. ".repeat(6 + i)}${i % 2 ? "ferry ".repeat(i) : ""}`),
  ),
];
const QUERIES = ["museum forum Hangzhou", "forum museum", "museum", "Hangzhou collection", "kiln ferry", "unheard-of words", "forum"];

describe("the index query of the chunks whose terms can reach a score", () => {
  const t = (term: string, bound: number) => ({ term, bound });
  /** Whether the tsquery holds for a chunk holding `held` (its lexemes, "&", "|" and parentheses only). */
  const holds = (tsquery: string, held: Set<string>): boolean =>
    new Function("held", `return ${tsquery.replace(/'([^']*)'/g, (_, term) => `held.has(${JSON.stringify(term)})`).replace(/&/g, "&&").replace(/\|/g, "||")};`)(held);
  const subsets = <T>(items: T[]): T[][] => items.reduce<T[][]>((all, item) => [...all, ...all.map((set) => [...set, item])], [[]]);

  it("When terms' bounds are summed, Then the query holds exactly for the chunks whose terms reach the score", () => {
    const terms = [t("a", 3), t("b", 2), t("c", 1.5), t("d", 0.5), t("e", 0.25)];
    for (const score of [0.2, 1, 2.5, 3, 4, 5.5, 7.25]) {
      const query = reachingQuery(terms, score)!;
      for (const held of subsets(terms)) {
        const sum = held.reduce((total, x) => total + x.bound, 0);
        expect(holds(query, new Set(held.map((x) => x.term))), `${query} for ${held.map((x) => x.term).join("")}`).toBe(sum >= score);
      }
    }
    expect(reachingQuery(terms, 3)).toBe("'a' | 'b' & ('c')");
  });

  it("When no chunk can reach the score, Then there is no query; when the query would be too long, Then none is written", () => {
    expect(reachingQuery([t("a", 3), t("b", 2)], 5.5)).toBeNull();
    const many = Array.from({ length: 16 }, (_, i) => t(`t${i}`, 1));
    expect(reachingQuery(many, 8)).toBeUndefined();
    expect(reachingQuery(many, 8, Number.POSITIVE_INFINITY)?.length).toBeGreaterThan(0);
  });
});

describeOnPostgres("keyword search in PostgreSQL, pruned", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.close();
  });

  /** Publishes each of `generations` in turn, as the database's next generation. */
  async function publish(...generations: (typeof chunks)[]) {
    const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    try {
      for (const generation of generations) await publishChunks(store, fakeEmbedder(), generation);
    } finally {
      await store.close();
    }
  }

  /**
   * Every query's pruned top k, at each first-round size, against the embedded index over `published`; searched
   * through `query` and spelling out at most `maxQueryTerms` terms in its index query (the store's own defaults unless given).
   */
  async function expectEmbeddedRanking(published: typeof chunks, { query = guardedQuery(pool), maxQueryTerms }: { query?: Query; maxQueryTerms?: number } = {}) {
    const { rows } = await pool.query("SELECT generation, chunk_count, total_length FROM rag_live JOIN rag_generations USING (generation)");
    const stats = { chunkCount: Number(rows[0].chunk_count), totalLength: Number(rows[0].total_length), bm25: BUNDLED_CALIBRATION.bm25 };
    const embedded = KeywordIndex.build(published.map((chunk) => keywordDocument(chunk)), BUNDLED_CALIBRATION.bm25);
    for (const firstRound of [1, 20, Number.POSITIVE_INFINITY]) {
      const search = new PgKeywordSearch(query, Number(rows[0].generation), stats, firstRound, maxQueryTerms);
      for (const query of QUERIES) {
        for (const k of [1, 5, 30]) {
          const want = embedded.search(query, k);
          const got = await search.search(query, k);
          expect(got.map((h) => h.id), `${query} k=${k} first round ${firstRound}`).toEqual(want.map((h) => h.id));
          got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 6));
        }
      }
    }
  }

  it("When the first round searches only the rarest term, Then every query's top k is the embedded index's, in order and score", async () => {
    await publish(chunks);
    await expectEmbeddedRanking(chunks);
  });

  it("When the index query would be too long to spell out, Then the second round checks each row's terms and the top k is still the embedded index's", async () => {
    await publish(chunks);
    const statements: string[] = [];
    const query = guardedQuery(pool);
    const recording: Query = (text, values) => (statements.push(text), query(text, values));
    // Nothing is spelled out at all: every second round checks each row's terms.
    await expectEmbeddedRanking(chunks, { query: recording, maxQueryTerms: 0 });
    expect(statements.some((text) => text.includes("CASE WHEN"))).toBe(true);
  });

  it("When a publish retires the chunks that set the bounds and raises the average length, Then the top k is still the embedded index's", async () => {
    await publish(chunks, nextChunks);
    await expectEmbeddedRanking(nextChunks);
    // Each live term's bound, as search reads it, against the best its live chunks score at the live average length.
    const { rows } = await pool.query(
      `WITH live AS (SELECT l.generation AS g, total_length / chunk_count AS avg FROM rag_live l JOIN rag_generations USING (generation))
       SELECT t.term, t.max_impact * greatest(1, live.avg / t.impact_avg_length) AS bound,
              (SELECT max(f.value::float8 * ($1::float8 + 1) / (f.value::float8 + $1::float8 * (1 - $2::float8 + $2::float8 * k.bm25_length / live.avg)))
               FROM rag_keywords k CROSS JOIN jsonb_each_text(k.term_freqs) f
               WHERE f.key = t.term AND k.first_gen <= live.g AND (k.retired_gen IS NULL OR k.retired_gen > live.g)) AS best
       FROM rag_terms t, live WHERE t.first_gen <= live.g AND (t.retired_gen IS NULL OR t.retired_gen > live.g)`,
      [BUNDLED_CALIBRATION.bm25.k1, BUNDLED_CALIBRATION.bm25.b],
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(Number(row.bound), row.term).toBeGreaterThanOrEqual(Number(row.best) * (1 - 1e-12));
  });
});
