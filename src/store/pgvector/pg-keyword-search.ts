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

/** A generation's average chunk length, as both the scores and the stored score bounds are computed at. */
export function averageLength({ chunkCount, totalLength }: { chunkCount: number; totalLength: number }): number {
  return chunkCount ? totalLength / chunkCount : 1;
}

/**
 * SQL for BM25's tf part (bm25TermScore without the idf, with bm25LengthNorm) of term frequency `tf` in a chunk of
 * BM25F length `length`, each argument an SQL expression: one formula for the scores and the bounds kept of them, so
 * that a bound is exactly the best score it stands for.
 */
export function tfPartSql(tf: string, length: string, { k1, b, averageLength }: { k1: string; b: string; averageLength: string }): string {
  return `${tf} * (${k1}::float8 + 1) / (${tf} + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * ${length} / ${averageLength}::float8))`;
}

/**
 * Chunks the first round may score: the rarest terms together up to this many. More lets the first round find a higher
 * k-th score, so the second reads fewer rows, but costs its own scoring. Document frequencies grow with the corpus, so
 * the cap does too: 0.8 % of the chunks, at least 2,000. At 100k chunks 2,000 was best (keyword p50 at k = 50: 12 ms,
 * against 18 at 4,000 and 32 at 8,000); at 1M, 8,000 against 2,000 took p50 from 51 to 48 ms and p90 from 351 to
 * 188 ms (16,000: p50 75 ms), queries interleaved on one database in a development loop.
 */
function firstRoundCandidatesFor(chunkCount: number): number {
  return Math.max(2000, Math.round(chunkCount * 0.008));
}
// Most term occurrences the second round's index query may spell out before it checks each row's terms instead (past
// it, every row holding any of the terms is read). At 100k chunks 500, 2,000 and 10,000 were within noise of each other.
const MAX_QUERY_TERMS = 2000;

/** A bound made slightly larger: SQL sums the same products in another order, and rounding must not make it too low. */
const slack = (bound: number) => bound * (1 + 1e-9);

/**
 * A tsquery true exactly for the chunks whose held `terms` have bounds adding up to `score` (a chunk holding fewer
 * cannot reach it); null if no chunk can, undefined past `maxTerms` term occurrences. Written as a decision over the
 * terms, largest bound first — "a & (what the rest must still reach) | (what the rest must reach without a)" — which
 * shares every common prefix that a list of the smallest sets (a | b & c | …) would repeat: the same condition in
 * far fewer terms, so it stays an index query for queries whose sets were too many to list (at most 128 sets were, then
 * every row holding any term was read). The GIN index then starts from the posting lists a match cannot do without and
 * skips the chunks holding only common terms. With the flat scoring below, against the set list and a subquery per row:
 * keyword search at k = 50, 1M chunks, p50 41 → 33 ms, p90 266 → 169 ms, mean 119 → 79 ms; at 100k p50 10.7 → 9.3 ms,
 * p90 26 → 21 ms (300 benchmark queries, variants interleaved on one database, in a development loop).
 */
export function reachingQuery(terms: readonly { term: string; bound: number }[], score: number, maxTerms = MAX_QUERY_TERMS): string | null | undefined {
  const sorted = [...terms].sort((a, b) => b.bound - a.bound);
  const left = sorted.map((_, i) => sorted.slice(i).reduce((sum, t) => sum + slack(t.bound), 0));
  let written = 0;
  const reaching = (from: number, rest: number): string | null => {
    // Past maxTerms every call returns at once, and the caller discards what was written.
    if (from >= sorted.length || left[from]! < rest || ++written > maxTerms) return null;
    const term = lexemeList([sorted[from]!.term], "");
    const bound = slack(sorted[from]!.bound);
    let withIt = term;
    if (bound < rest) {
      const stillNeeded = reaching(from + 1, rest - bound);
      // Bounds fall, so when the term's own bound cannot help reach the score, the rest alone cannot either.
      if (stillNeeded === null) return null;
      withIt = `${term} & (${stillNeeded})`;
    }
    const without = reaching(from + 1, rest);
    return without === null ? withIt : `${withIt} | ${without}`;
  };
  const query = reaching(0, score);
  return written > maxTerms ? undefined : query;
}

export class PgKeywordSearch implements KeywordSearch {
  constructor(
    private readonly query: Query,
    private readonly generation: number,
    private readonly stats: CollectionStats,
    /** How many chunks the rarest terms may hold together and still all be searched in the first round. */
    private readonly firstRoundCandidates = firstRoundCandidatesFor(stats.chunkCount),
    /** How many term occurrences the second round may spell out as an index query (reachingQuery). */
    private readonly maxQueryTerms = MAX_QUERY_TERMS,
  ) {}

  async idfFor(query: string): Promise<(term: string) => number> {
    const statistics = await this.termStatistics([...new Set(terms(query))]);
    return (term) => bm25Idf(this.stats.chunkCount, statistics.get(term)?.df ?? 0);
  }

  /**
   * The k best chunks by BM25F, exactly as the embedded index ranks them, without scoring every chunk that holds a
   * common query term (MaxScore): a term adds at most idf · its bound from `rag_terms` to any score (the best its
   * chunks score, not BM25's ceiling idf · (k1 + 1): 35 % fewer candidates at 100k chunks). The first round scores the
   * chunks holding the rarest terms. A chunk holding none of them can only enter the top k if the bounds of the other
   * terms it holds add up to the k-th score found: the second and last round scores just those. The GIN index finds
   * them from a query true for the chunks whose terms reach that score (reachingQuery), so the chunks holding one common
   * term (hundreds of thousands at 500k chunks) are never read: keyword p50 20 → 12 ms at 100k chunks, k = 50.
   */
  async search(query: string, k: number): Promise<Hit[]> {
    const statistics = await this.termStatistics([...new Set(terms(query))]);
    // A term no chunk holds adds nothing to any score.
    if (!statistics.size || k <= 0) return [];
    const byRarity = [...statistics]
      .map(([term, { df, maxImpact }]) => ({ term, df, idf: bm25Idf(this.stats.chunkCount, df), maxImpact }))
      .map((t) => ({ ...t, bound: t.idf * t.maxImpact }))
      .sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : 1));
    // The first round: the rarest terms, together held by at most `firstRoundCandidates` chunks (at least one term).
    let searched = 1;
    let candidates = byRarity[0]!.df;
    while (searched < byRarity.length && (candidates += byRarity[searched]!.df) <= this.firstRoundCandidates) searched++;
    const hits = await this.scored(byRarity, k, { holding: byRarity.slice(0, searched) });
    if (searched === byRarity.length) return hits;
    const kth = hits.length >= k ? hits[k - 1]!.score : undefined;
    const rest = byRarity.slice(searched);
    // Strictly below the k-th: no other chunk can enter the top k, nor tie into it.
    if (kth !== undefined && slack(rest.reduce((sum, t) => sum + t.bound, 0)) < kth) return hits;
    const more = await this.scored(byRarity, k, { holding: rest, without: byRarity.slice(0, searched), reaching: kth });
    const seen = new Set(hits.map((hit) => hit.id));
    return [...hits, ...more.filter((hit) => !seen.has(hit.id))]
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k);
  }

  /**
   * The k best of the chunks holding any of the `holding` terms (and none of the `without` terms), each scored over
   * all the terms; with `reaching`, only those whose `holding` terms' bounds add up to at least that score.
   */
  private async scored(
    byRarity: { term: string; idf: number; bound: number }[],
    k: number,
    candidates: { holding: { term: string; bound: number }[]; without?: { term: string }[]; reaching?: number },
  ): Promise<Hit[]> {
    const { reaching } = candidates;
    const reachingTerms = reaching === undefined ? undefined : reachingQuery(candidates.holding, reaching, this.maxQueryTerms);
    if (reachingTerms === null) return [];
    // Said to the GIN index, which intersects posting lists: the rows holding too few of the terms are never read.
    const holding = reachingTerms ?? lexemeList(candidates.holding.map((t) => t.term), " | ");
    const { bm25 } = this.stats;
    const params: unknown[] = [holding, bm25.k1, bm25.b, averageLength(this.stats), this.generation, k];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = [`terms @@ $1::tsquery`, visibleAt(5)];
    if (candidates.without?.length) conditions.push(`NOT terms @@ ${param(lexemeList(candidates.without.map((t) => t.term), " | "))}::tsquery`);
    if (reachingTerms === undefined && reaching !== undefined) {
      // Too large to spell out: each row says which terms it holds, in one flat sum (a subquery per row would cost
      // more than the scoring it saves).
      const held = candidates.holding.map((t) => `CASE WHEN terms @@ ${param(lexemeList([t.term], ""))}::tsquery THEN ${param(slack(t.bound))}::float8 ELSE 0 END`);
      conditions.push(`${held.join(" + ")} >= ${param(reaching)}::float8`);
    }
    // One flat sum over the query's terms, a term the row does not hold adding nothing (NULL), instead of a subquery
    // per row (the terms unnested and joined to the row's frequencies): at 1M chunks, with the set list, keyword p50 at
    // k = 50 35 → 31 ms. Scored over a subquery the planner may not flatten (OFFSET 0): flattened, the same sum was no
    // faster than the subquery per row (p50 40 against 33 ms), and reading each frequency once in a lateral subquery
    // was no faster either.
    const score = byRarity
      .map((t) => {
        const tf = `(term_freqs ->> ${param(t.term)})::float8`;
        return `coalesce(${param(t.idf)}::float8 * ${tfPartSql(tf, "bm25_length", { k1: "$2", b: "$3", averageLength: "$4" })}, 0)`;
      })
      .join(" + ");
    const rows = await this.query<{ id: string; score: number }>(
      `SELECT chunk_id AS id, ${score} AS score
       FROM (SELECT chunk_id, bm25_length, term_freqs FROM rag_keywords WHERE ${conditions.join(" AND ")} OFFSET 0) AS candidates
       ORDER BY score DESC, chunk_id COLLATE "C" LIMIT $6`,
      params,
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  }

  /**
   * For each of `wanted` that any of the generation's chunks hold: how many do, and the most the term's BM25 tf
   * part reaches in any of them at the generation's average length (the stored bound, rescaled; see schema.ts).
   */
  private async termStatistics(wanted: string[]): Promise<Map<string, { df: number; maxImpact: number }>> {
    if (!wanted.length) return new Map();
    const rows = await this.query<{ term: string; df: number; bound: number }>(
      `SELECT term, df, max_impact * greatest(1, $3::float8 / impact_avg_length) AS bound
       FROM rag_terms WHERE term = ANY($1::text[]) AND ${visibleAt(2)}`,
      [wanted, this.generation, averageLength(this.stats)],
    );
    return new Map(rows.map((row) => [row.term, { df: row.df, maxImpact: Number(row.bound) }]));
  }
}
