import type { Config } from "../config.js";
import { createLocalUseEmbedder } from "./local-use.js";
import { createOpenAIEmbedder } from "./openai.js";
import type { Embedder } from "./types.js";

export type { Embedder } from "./types.js";

/** Builds the embedder the configuration names; call its `close()` (if any) when done. */
export function createEmbedder(config: Pick<Config, "embeddings" | "openai">): Promise<Embedder> {
  if (config.embeddings.provider === "openai") {
    return createOpenAIEmbedder({ apiKey: config.openai.apiKey!, baseURL: config.openai.baseURL, model: config.embeddings.model });
  }
  return createLocalUseEmbedder({ workers: config.embeddings.workers });
}
