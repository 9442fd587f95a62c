/**
 * @module similarity
 * Question-to-sentence similarity from the configured embedder, for ranking
 * answer sentences. Sentence vectors are memoised (bounded, oldest dropped
 * first): the same passages come back for related questions, and embedding a
 * sentence costs far more than looking it up.
 */
import type { Embedder } from "../embeddings/types.js";
import type { SentenceSimilarity } from "./evidence.js";

const DEFAULT_CAPACITY = 5000;

export function embeddingSimilarity(embedder: Pick<Embedder, "embedQuery" | "embedDocuments">, capacity = DEFAULT_CAPACITY): SentenceSimilarity {
  const memo = new Map<string, Float32Array>();
  return async (question, texts) => {
    const missing = [...new Set(texts.filter((t) => !memo.has(t)))];
    const [query, vectors] = await Promise.all([embedder.embedQuery(question), missing.length ? embedder.embedDocuments(missing) : []]);
    const fresh = new Map(missing.map((text, i) => [text, Float32Array.from(vectors[i]!)]));
    // Scored before the memo drops anything: a full memo may drop a vector this very call needs.
    const scores = texts.map((t) => cosine(query, fresh.get(t) ?? memo.get(t)!));
    for (const [text, vector] of fresh) {
      memo.set(text, vector);
      if (memo.size > capacity) memo.delete(memo.keys().next().value!);
    }
    return scores;
  };
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
