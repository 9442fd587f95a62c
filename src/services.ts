/**
 * @module services
 * The composition root's building blocks: every long-lived object (embedder,
 * index, retriever, answerer) is built here once, from the config, and handed
 * to the HTTP app. Tests build the same services with their own config.
 */
import type { AskDependencies } from "./answer/ask.js";
import { ChatAnswerer } from "./answer/chat.js";
import { ExtractiveAnswerer } from "./answer/extractive.js";
import type { Answerer } from "./answer/types.js";
import type { Config } from "./config.js";
import { createEmbedder, type Embedder } from "./embeddings/index.js";
import { openIndex } from "./ingest/open-index.js";
import type { Logger } from "./logger.js";
import { Retriever } from "./retrieval/retriever.js";
import { IndexHolder } from "./store/index-holder.js";

export interface Services {
  config: Config;
  logger: Logger;
  embedder: Embedder;
  ask: AskDependencies;
  /** Releases what the services hold (the embedding worker threads). */
  close(): Promise<void>;
}

export function createAnswerer(config: Config): Answerer {
  return config.llm ? new ChatAnswerer({ ...config.llm, apiKey: config.llm.apiKey! }) : new ExtractiveAnswerer();
}

export async function createServices(config: Config, logger: Logger): Promise<Services> {
  const embedder = await createEmbedder(config);
  const snapshot = await openIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, chunking: config.chunking, embedder, logger }).catch(
    async (error: unknown) => {
      await embedder.close?.();
      throw error;
    },
  );
  return {
    config,
    logger,
    embedder,
    ask: {
      index: new IndexHolder(snapshot),
      retriever: new Retriever({ embedder, denseWeight: config.retrieval.denseWeight }),
      answerer: createAnswerer(config),
      abstainBelow: config.retrieval.abstainThreshold,
      defaultK: config.retrieval.topK,
      mode: "hybrid",
    },
    close: async () => embedder.close?.(),
  };
}
