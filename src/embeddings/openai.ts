/**
 * @module openai
 * Embeddings from any OpenAI-compatible server through @langchain/openai. The
 * dimension is learnt from one probe call, so the manifest can record it.
 */
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Embedder } from "./types.js";

export interface OpenAIEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
}

export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const embeddings = new OpenAIEmbeddings({
    apiKey: options.apiKey,
    model: options.model,
    batchSize: 256,
    maxRetries: 3,
    configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
  });
  const dimension = (await embeddings.embedQuery("dimension probe")).length;
  return {
    id: `openai:${options.model}`,
    dimension,
    embedQuery: (text) => embeddings.embedQuery(text),
    embedDocuments: (texts) => embeddings.embedDocuments(texts),
  };
}
