/**
 * @module metered-answerer
 * Times every answerer call and counts the tokens the model reports, into
 * the service's Prometheus metrics; times follow-up rewrites, the other model call.
 */
import type { QuestionRewriter } from "../answer/follow-up.js";
import type { Answerer } from "../answer/types.js";
import { wrapAnswerer } from "../answer/wrap-answerer.js";
import type { Metrics } from "./metrics.js";

/** Wraps an answerer so that its latency (by outcome) and token use reach `metrics`. */
export function meterAnswerer(inner: Answerer, metrics: Metrics): Answerer {
  return wrapAnswerer(inner, () => {
    const stopTimer = metrics.modelDuration.startTimer({ model: inner.model });
    return {
      end(outcome) {
        const draft = "draft" in outcome ? outcome.draft : undefined;
        stopTimer({ outcome: draft ? (draft.degraded ? "degraded" : "ok") : "error" });
        const usage = draft?.usage;
        if (usage) {
          metrics.modelTokens.inc({ model: inner.model, kind: "input" }, usage.inputTokens);
          metrics.modelTokens.inc({ model: inner.model, kind: "output" }, usage.outputTokens);
        }
      },
    };
  });
}

/** Wraps a rewriter so that the time of each rewrite of a follow-up (by outcome) reaches `metrics`. */
export function meterRewriter(inner: QuestionRewriter, metrics: Metrics): QuestionRewriter {
  return {
    async rewrite(question, history, signal) {
      if (!history.length) return inner.rewrite(question, history, signal);
      const stopTimer = metrics.rewriteDuration.startTimer();
      try {
        const rewritten = await inner.rewrite(question, history, signal);
        stopTimer({ outcome: "ok" });
        return rewritten;
      } catch (error) {
        stopTimer({ outcome: "error" });
        throw error;
      }
    },
  };
}
