/**
 * @module timed-retriever
 * A retriever with its latency recorded, per search mode, for /metrics: a
 * wrapping function around the Retriever interface, so it times any
 * implementation and adds nothing else.
 */
import type { Retriever } from "../retrieval/types.js";
import type { Metrics } from "./metrics.js";

export function timeRetriever(inner: Retriever, metrics: Pick<Metrics, "retrievalDuration">): Retriever {
  return {
    async retrieve(snapshot, query, options) {
      const stopTimer = metrics.retrievalDuration.startTimer({ mode: options.mode });
      try {
        return await inner.retrieve(snapshot, query, options);
      } finally {
        stopTimer();
      }
    },
  };
}
