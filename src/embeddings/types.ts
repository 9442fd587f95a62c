import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/**
 * LangChain's two-method embeddings seam, plus what the index must record to
 * refuse vectors from another model: a stable id and the vector dimension.
 */
export interface Embedder extends EmbeddingsInterface<number[]> {
  /** Names the model and its settings, e.g. "local:universal-sentence-encoder-lite". */
  readonly id: string;
  readonly dimension: number;
  /** Releases what the embedder holds (worker threads); absent when there is nothing to release. */
  close?(): Promise<void>;
}
