/**
 * @module retriever
 * Dense, keyword and hybrid search over one index snapshot. Scores are given a
 * meaning at this boundary: dense is cosine similarity, keyword is BM25, and
 * hybrid fuses the two, either as a weighted sum of min–max normalised scores
 * (the default, weights chosen by `npm run eval` for the configured embedder)
 * or by reciprocal rank fusion. MMR can then diversify the fused list.
 */
import type { Embedder } from "../embeddings/types.js";
import type { Hit, IndexSnapshot } from "../core/types.js";
import { type FusedHit, fuseRanks, fuseWeighted } from "./fusion.js";
import { withCountriesOfDemonyms } from "./gazetteer.js";
import { diversify } from "./mmr.js";
import type { FusionMethod, RetrieveOptions, Retriever, ScoredChunk } from "./types.js";

export interface RetrieverOptions {
  embedder: Embedder;
  /** Weight of the normalised dense score in weighted fusion; keyword gets 1 − this. */
  denseWeight: number;
  /** How hybrid mode combines the two lists; default "weighted". */
  fusion?: FusionMethod;
  /** RRF's rank offset k (60 in the original paper). */
  rrfK?: number;
  /** MMR trade-off between relevance (1) and novelty (0); undefined or 1 disables MMR. */
  mmrLambda?: number;
  /** Words keyword search adds to a query (the measures a "how heavy" question asks for); the dense side embeds the query as asked. */
  expandKeywords?: (query: string) => string;
}

// Each list is over-fetched so that fusion can promote a chunk ranked low by one signal.
const CANDIDATES_PER_K = 5;
const MIN_CANDIDATES = 50;
export const DEFAULT_RRF_K = 60;

export class HybridRetriever implements Retriever {
  constructor(private readonly options: RetrieverOptions) {}

  async retrieve(snapshot: IndexSnapshot, query: string, { k, mode }: RetrieveOptions): Promise<ScoredChunk[]> {
    const pool = Math.max(k * CANDIDATES_PER_K, MIN_CANDIDATES);
    const mmr = this.options.mmrLambda !== undefined && this.options.mmrLambda < 1;
    const fetch = mode === "hybrid" || mmr ? pool : k;
    // Both at once: with the index in PostgreSQL each is a query of its own, so hybrid costs the slower one, not both.
    // Documents say "Nigeria" where people ask about "the Nigerian": keyword search gets the country too.
    const [dense, keyword] = await Promise.all([
      mode === "keyword" ? [] : this.dense(snapshot, query, fetch),
      mode === "dense" ? [] : snapshot.keywords.search(this.keywordQuery(query), fetch),
    ]);

    const fused = this.fuse(mode, dense, keyword).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const scored = await this.withChunks(snapshot, fused, mmr ? fused.length : k);
    return mmr ? diversify(scored, k, this.options.mmrLambda!) : scored;
  }

  /**
   * The first `wanted` of the ranked hits with their chunks. Texts are read for those only, not for every candidate
   * fusion saw: with the index in PostgreSQL that is ten rows instead of up to a hundred. A hit whose chunk is gone
   * (retired meanwhile) is skipped and the next one read in its place.
   */
  private async withChunks(snapshot: IndexSnapshot, ranked: FusedHit[], wanted: number): Promise<ScoredChunk[]> {
    const scored: ScoredChunk[] = [];
    let read = 0;
    while (scored.length < wanted && read < ranked.length) {
      const batch = ranked.slice(read, read + wanted - scored.length);
      read += batch.length;
      const chunks = await snapshot.chunksById(batch.map((hit) => hit.id));
      for (const hit of batch) {
        const chunk = chunks.get(hit.id);
        if (chunk) scored.push({ chunk, score: hit.score, ...(hit.dense !== undefined && { dense: hit.dense }), ...(hit.keyword !== undefined && { keyword: hit.keyword }) });
      }
    }
    return scored;
  }

  private fuse(mode: RetrieveOptions["mode"], dense: Hit[], keyword: Hit[]): FusedHit[] {
    if (mode === "dense") return dense.map((h) => ({ id: h.id, score: h.score, dense: h.score }));
    if (mode === "keyword") return fuseWeighted([], keyword, 0);
    return this.options.fusion === "rrf"
      ? fuseRanks(dense, keyword, this.options.rrfK ?? DEFAULT_RRF_K)
      : fuseWeighted(dense, keyword, this.options.denseWeight);
  }

  /**
   * What keyword search looks for: words the documents use where the question does not, added here and not to the
   * embedded query (a sentence encoder reads added words as a different question).
   */
  private keywordQuery(query: string): string {
    const expanded = withCountriesOfDemonyms(query);
    return this.options.expandKeywords ? this.options.expandKeywords(expanded) : expanded;
  }

  private async dense(snapshot: IndexSnapshot, query: string, k: number) {
    const vector = await this.options.embedder.embedQuery(query);
    return snapshot.vectors.search(vector, k);
  }
}
