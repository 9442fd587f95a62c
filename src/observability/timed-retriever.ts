/**
 * @module timed-retriever
 * The retriever with its latency recorded, per search mode, for /metrics.
 */
import { Retriever, type RetrieverOptions } from "../retrieval/retriever.js";
import type { RetrieveOptions, ScoredChunk } from "../retrieval/types.js";
import type { IndexSnapshot } from "../core/types.js";
import type { Metrics } from "./metrics.js";

export class TimedRetriever extends Retriever {
  constructor(
    private readonly metrics: Metrics,
    options: RetrieverOptions,
  ) {
    super(options);
  }

  override async retrieve(snapshot: IndexSnapshot, query: string, options: RetrieveOptions): Promise<ScoredChunk[]> {
    const stopTimer = this.metrics.retrievalDuration.startTimer({ mode: options.mode });
    try {
      return await super.retrieve(snapshot, query, options);
    } finally {
      stopTimer();
    }
  }
}
