/**
 * The one deterministic stand-in for the embedding model, for tests that are
 * not about the model: a text becomes the counts of its stemmed words hashed
 * into `dimension` buckets, normalised, so texts sharing words are similar,
 * the same text always gets the same vector, and nothing is loaded (the
 * bundled encoder costs seconds and worker threads per test file). Tests of
 * retrieval quality, seed QA and the embedder itself keep the real model.
 */
import { createHash } from "node:crypto";
import type { Embedder } from "../../src/embeddings/types.js";
import { terms } from "../../src/retrieval/tokenize.js";

export interface FakeEmbedderOptions {
  id?: string;
  dimension?: number;
}

export function fakeEmbedder({ id = "test:hashed-words", dimension = 64 }: FakeEmbedderOptions = {}): Embedder {
  const embed = (text: string): number[] => {
    // A small floor, so that a text with no words still has a direction.
    const vector = new Array<number>(dimension).fill(1e-3);
    for (const term of terms(text)) vector[createHash("sha256").update(term).digest().readUInt32LE(0) % dimension]! += 1;
    const norm = Math.hypot(...vector);
    return vector.map((x) => x / norm);
  };
  return { id, dimension, embedQuery: async (text) => embed(text), embedDocuments: async (texts) => texts.map(embed) };
}
