/**
 * @module pgvector/pg-keyword-search
 * The embedded store's BM25F, computed by PostgreSQL over one generation's
 * rows, so a replica holds no postings: the GIN index over each chunk's terms
 * (`rag_keywords`) finds the chunks matching any query term, and each is scored from its stored
 * term frequencies and length. Document frequencies and score bounds are read from `rag_terms`
 * for the query's terms only; the IDF is the embedded one (bm25Idf), applied
 * here, and the SQL term score is bm25TermScore with bm25LengthNorm, so both
 * stores rank a query alike (the retrieval contract tests hold them to it).
 */
import { bm25Idf, type Bm25Parameters } from "../../retrieval/bm25.js";
import { terms } from "../../retrieval/tokenize.js";
import type { Hit, KeywordSearch } from "../../core/types.js";
import type { Query } from "./guarded-query.js";
import { lexemeList, visibleAt } from "./schema.js";

/** A generation's collection statistics, kept in its `rag_generations` row. */
export interface CollectionStats {
  chunkCount: number;
  /** Sum of the chunks' BM25F lengths (heading terms boosted). */
  totalLength: number;
  bm25: Bm25Parameters;
}

// Chunks the first round may score before it is tried: the rarest terms together up to this many.
const FIRST_ROUND_CANDIDATES = 2000;

export class PgKeywordSearch implements KeywordSearch {
  constructor(
    private readonly query: Query,
    private readonly generation: number,
    private readonly stats: CollectionStats,
    /** How many chunks the rarest terms may hold together and still all be searched in the first round. */
    private readonly firstRoundCandidates = FIRST_ROUND_CANDIDATES,
  ) {}

  async idfFor(query: string): Promise<(term: string) => number> {
    const statistics = await this.termStatistics([...new Set(terms(query))]);
    return (term) => bm25Idf(this.stats.chunkCount, statistics.get(term)?.df ?? 0);
  }

  /**
   * The k best chunks by BM25F, exactly as the embedded index ranks them, without scoring every chunk that holds a
   * common query term (MaxScore): a term adds at most idf · its bound from `rag_terms` to any score (the best its
   * chunks score, not BM25's ceiling idf · (k1 + 1): 35 % fewer candidates at 100k chunks), so once the chunks holding the
   * rarer terms are scored, a chunk holding none of them cannot beat the k-th best unless the bound of the terms left
   * out reaches it. Terms are taken rarest first until it does not; most queries need one round, rarely more than two (a
   * round adds every term the k-th score found so far says is needed), and the common terms
   * (hundreds of thousands of candidates at 500k chunks) are scored only in the chunks found through rarer ones.
   */
  async search(query: string, k: number): Promise<Hit[]> {
    const statistics = await this.termStatistics([...new Set(terms(query))]);
    // A term no chunk holds adds nothing to any score.
    if (!statistics.size || k <= 0) return [];
    const byRarity = [...statistics]
      .map(([term, { df, maxImpact }]) => ({ term, df, idf: bm25Idf(this.stats.chunkCount, df), maxImpact }))
      .sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : 1));
    // The slack covers rounding: SQL sums the same products in another order.
    const bound = (from: number) => byRarity.slice(from).reduce((sum, t) => sum + t.idf * t.maxImpact, 0) * (1 + 1e-9);
    // The first round: the rarest terms, together held by at most `firstRoundCandidates` chunks (at least one term).
    let searched = 1;
    let candidates = byRarity[0]!.df;
    while (searched < byRarity.length && (candidates += byRarity[searched]!.df) <= this.firstRoundCandidates) searched++;
    for (;;) {
      const hits = await this.scored(byRarity, searched, k);
      const kth = hits.length >= k ? hits[k - 1]!.score : 0;
      // Strictly below the k-th: a chunk without any searched term cannot enter the top k, nor tie into it.
      if (searched === byRarity.length || (hits.length >= k && bound(searched) < kth)) return hits;
      // The k-th score only grows with more candidates: search at once as many terms as it already says are needed.
      let needed = searched + 1;
      while (needed < byRarity.length && bound(needed) >= kth) needed++;
      searched = needed;
    }
  }

  /** The k best of the chunks holding any of the first `searched` terms, each scored over all the terms. */
  private async scored(byRarity: { term: string; idf: number }[], searched: number, k: number): Promise<Hit[]> {
    const { chunkCount, totalLength, bm25 } = this.stats;
    const rows = await this.query<{ id: string; score: number }>(
      `SELECT chunk_id AS id,
         (SELECT sum(q.idf * f.tf * ($4::float8 + 1) / (f.tf + $4::float8 * (1 - $5::float8 + $5::float8 * bm25_length / $6::float8)))
          FROM unnest($1::text[], $2::float8[]) AS q(term, idf)
          CROSS JOIN LATERAL (SELECT (tfs ->> q.term)::float8 AS tf) AS f
          WHERE f.tf IS NOT NULL) AS score
       FROM (SELECT chunk_id, bm25_length, term_freqs AS tfs FROM rag_keywords
             WHERE terms @@ $3::tsquery AND ${visibleAt(7)}) AS candidates
       ORDER BY score DESC, chunk_id LIMIT $8`,
      [
        byRarity.map((t) => t.term),
        byRarity.map((t) => t.idf),
        lexemeList(byRarity.slice(0, searched).map((t) => t.term), " | "),
        bm25.k1,
        bm25.b,
        chunkCount ? totalLength / chunkCount : 1,
        this.generation,
        k,
      ],
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  }

  /**
   * For each of `wanted` that any of the generation's chunks hold: how many do, and the most the term's BM25 tf
   * part reaches in any of them at the generation's average length (the stored bound, rescaled; see schema.ts).
   */
  private async termStatistics(wanted: string[]): Promise<Map<string, { df: number; maxImpact: number }>> {
    if (!wanted.length) return new Map();
    const { chunkCount, totalLength } = this.stats;
    const rows = await this.query<{ term: string; df: number; bound: number }>(
      `SELECT term, df, max_impact * greatest(1, $3::float8 / impact_avg_length) AS bound
       FROM rag_terms WHERE term = ANY($1::text[]) AND ${visibleAt(2)}`,
      [wanted, this.generation, chunkCount ? totalLength / chunkCount : 1],
    );
    return new Map(rows.map((row) => [row.term, { df: row.df, maxImpact: Number(row.bound) }]));
  }
}
