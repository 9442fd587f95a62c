/**
 * @module pgvector/pg-keyword-search
 * Keyword search by Postgres full-text search: the chunk's `tsvector` (GIN
 * index, English stemming) ranked by `ts_rank_cd`. A chunk matching any query
 * word is a candidate, as with BM25. IDF for the evidence scorer comes from
 * document frequencies counted once, when the generation is loaded, with the
 * same tokenizer the embedded BM25 uses, and weight each query word.
 */
import type { Pool } from "pg";
import { bm25Idf } from "../../retrieval/bm25.js";
import { isStopWord, terms, words } from "../../retrieval/tokenize.js";
import type { Hit, KeywordSearch } from "../../core/types.js";
import { RANK_WEIGHTS, visibleAt } from "./schema.js";

// ts_rank_cd normalisation 1: divide by 1 + log(length), so long chunks do not win by length alone.
const LENGTH_NORMALISATION = 1;

export class PgKeywordSearch implements KeywordSearch {
  private constructor(
    private readonly pool: Pool,
    private readonly generation: number,
    private readonly size: number,
    private readonly frequencies: Map<string, number>,
  ) {}

  /** Counts, for each term, how many of the generation's chunks (body or heading) contain it. */
  static forGeneration(pool: Pool, generation: number, texts: { body: string; heading: string }[]): PgKeywordSearch {
    const frequencies = new Map<string, number>();
    for (const { body, heading } of texts) {
      for (const term of new Set([...terms(body), ...terms(heading)])) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    return new PgKeywordSearch(pool, generation, texts.length, frequencies);
  }

  idf(term: string): number {
    return bm25Idf(this.size, this.frequencies.get(term) ?? 0);
  }

  /**
   * ts_rank_cd knows no IDF: alone it ranks a chunk matching "museum" and
   * "the" like one matching "museum" and "Hangzhou". Each query word is
   * therefore ranked on its own and weighted by its IDF, as BM25 weighs terms.
   */
  async search(query: string, k: number): Promise<Hit[]> {
    // Letters and digits only, so each word is a valid to_tsquery operand.
    const unique = [...new Set(words(query).filter((w) => !isStopWord(w)))];
    if (!unique.length || k <= 0) return [];
    const weights = unique.map((word) => this.idf(terms(word)[0] ?? word));
    // The GIN index finds the chunks matching any word (one OR query); only those are ranked, word by word.
    const { rows } = await this.pool.query<{ id: string; score: number }>(
      `SELECT chunk_id AS id,
         (SELECT sum(weight * ts_rank_cd('${RANK_WEIGHTS}', tsv, to_tsquery('english', word), ${LENGTH_NORMALISATION}))
          FROM unnest($1::text[], $4::float8[]) AS x(word, weight)) AS score
       FROM rag_chunks WHERE tsv @@ to_tsquery('english', $5) AND ${visibleAt(2)}
       ORDER BY score DESC, chunk_id LIMIT $3`,
      [unique, this.generation, k, weights, unique.join(" | ")],
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  }
}
