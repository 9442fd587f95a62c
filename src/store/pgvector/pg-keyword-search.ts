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
// Most sets of terms the second round spells out as an index query before it checks each row's terms instead. Past
// it, every row holding any of the terms is read: at 1M chunks, 128 rather than 32 sets took keyword search at k = 50
// from p90 0.70 s to 0.34 s and mean 172 to 140 ms (p50 unchanged), and changed nothing at 100k; 256 gained no more.
const MAX_TERM_SETS = 128;

/** A bound made slightly larger: SQL sums the same products in another order, and rounding must not make it too low. */
const slack = (bound: number) => bound * (1 + 1e-9);

/**
 * The smallest sets of `terms` whose bounds add up to `score` (a chunk holding fewer cannot reach it): every set,
 * none a superset of another, or undefined past `maxSets`. Terms are taken largest bound first, so a set that
 * reaches the score stops growing there and loses it without any of its terms.
 */
export function termSetsReaching<T extends { bound: number }>(terms: readonly T[], score: number, maxSets = MAX_TERM_SETS): T[][] | undefined {
  const sorted = [...terms].sort((a, b) => b.bound - a.bound);
  const left = sorted.map((_, i) => sorted.slice(i).reduce((sum, t) => sum + slack(t.bound), 0));
  const sets: T[][] = [];
  const grow = (from: number, set: T[], sum: number): boolean => {
    for (let i = from; i < sorted.length && sum + left[i]! >= score; i++) {
      const next = [...set, sorted[i]!];
      if (sum + slack(sorted[i]!.bound) >= score) {
        if (sets.push(next) > maxSets) return false;
      } else if (!grow(i + 1, next, sum + slack(sorted[i]!.bound))) return false;
    }
    return true;
  };
  return grow(0, [], 0) ? sets : undefined;
}

export class PgKeywordSearch implements KeywordSearch {
  constructor(
    private readonly query: Query,
    private readonly generation: number,
    private readonly stats: CollectionStats,
    /** How many chunks the rarest terms may hold together and still all be searched in the first round. */
    private readonly firstRoundCandidates = firstRoundCandidatesFor(stats.chunkCount),
    /** How many sets of terms the second round may spell out as an index query (termSetsReaching). */
    private readonly maxTermSets = MAX_TERM_SETS,
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
   * them from the smallest sets of terms that reach that score (termSetsReaching), so the chunks holding one common
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
    const enough = reaching === undefined ? undefined : termSetsReaching(candidates.holding, reaching, this.maxTermSets);
    if (enough?.length === 0) return [];
    // With the term sets, said to the GIN index, which intersects posting lists: the rows holding too few of the
    // terms are never read.
    const holding = enough
      ? enough.map((set) => `(${lexemeList(set.map((t) => t.term), " & ")})`).join(" | ")
      : lexemeList(candidates.holding.map((t) => t.term), " | ");
    const { bm25 } = this.stats;
    const params: unknown[] = [byRarity.map((t) => t.term), byRarity.map((t) => t.idf), holding, bm25.k1, bm25.b, averageLength(this.stats), this.generation, k];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = [`terms @@ $3::tsquery`, visibleAt(7)];
    if (candidates.without?.length) conditions.push(`NOT terms @@ ${param(lexemeList(candidates.without.map((t) => t.term), " | "))}::tsquery`);
    if (!enough && reaching !== undefined) {
      // Too many sets to spell out: each row says which terms it holds, in one flat sum (a subquery per row would cost
      // more than the scoring it saves).
      const held = candidates.holding.map((t) => `CASE WHEN terms @@ ${param(lexemeList([t.term], ""))}::tsquery THEN ${param(slack(t.bound))}::float8 ELSE 0 END`);
      conditions.push(`${held.join(" + ")} >= ${param(reaching)}::float8`);
    }
    const rows = await this.query<{ id: string; score: number }>(
      `SELECT chunk_id AS id,
         (SELECT sum(q.idf * ${tfPartSql("f.tf", "bm25_length", { k1: "$4", b: "$5", averageLength: "$6" })})
          FROM unnest($1::text[], $2::float8[]) AS q(term, idf)
          CROSS JOIN LATERAL (SELECT (tfs ->> q.term)::float8 AS tf) AS f
          WHERE f.tf IS NOT NULL) AS score
       FROM (SELECT chunk_id, bm25_length, term_freqs AS tfs FROM rag_keywords WHERE ${conditions.join(" AND ")}) AS candidates
       ORDER BY score DESC, chunk_id COLLATE "C" LIMIT $8`,
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
