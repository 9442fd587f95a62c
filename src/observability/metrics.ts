/**
 * @module metrics
 * Every Prometheus instrument the service exposes, on one registry per
 * service instance (not prom-client's global one, so several instances can
 * live in one process, as they do in tests). Served as text by GET /metrics.
 *
 * The not-found rate is `rate(rag_answers_total{outcome="not_found"}[5m]) /
 * rate(rag_answers_total[5m])`; event-loop lag comes with the default Node.js
 * metrics (`nodejs_eventloop_lag_seconds`, `nodejs_eventloop_lag_p99_seconds`).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { IndexHolder } from "../store/index-holder.js";

// Latencies of this service span a few milliseconds (keyword search) to tens of seconds (a chat model).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  readonly httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, matched route and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: this.registers,
  });
  readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from request to the end of the response, by method, matched route and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  readonly retrievalDuration = new Histogram({
    name: "rag_retrieval_duration_seconds",
    help: "Time to retrieve passages (embedding the query included), by search mode.",
    labelNames: ["mode"] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  readonly modelDuration = new Histogram({
    name: "rag_model_duration_seconds",
    help: "Time an answerer took for one answer (queue wait excluded), by model and outcome (ok; degraded: the fallback answered; error).",
    labelNames: ["model", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  readonly rewriteDuration = new Histogram({
    name: "rag_rewrite_duration_seconds",
    help: "Time to rewrite a follow-up into a standalone question with the chat model (slot wait excluded), by outcome (ok, error).",
    labelNames: ["outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  readonly modelTokens = new Counter({
    name: "rag_model_tokens_total",
    help: "Tokens reported by the chat model, by model and kind (input, output).",
    labelNames: ["model", "kind"] as const,
    registers: this.registers,
  });
  readonly modelRejected = new Counter({
    name: "rag_model_rejected_total",
    help: "Questions refused with 503 because every model slot and queue place was taken.",
    registers: this.registers,
  });
  readonly modelInFlight = new Gauge({
    name: "rag_model_calls_in_flight",
    help: "Chat model calls running now.",
    registers: this.registers,
  });
  readonly modelQueued = new Gauge({
    name: "rag_model_queue_length",
    help: "Questions waiting for a chat model slot.",
    registers: this.registers,
  });
  readonly answers = new Counter({
    name: "rag_answers_total",
    help: "Questions answered, by outcome (answered, uncertain, not_found).",
    labelNames: ["outcome"] as const,
    registers: this.registers,
  });
  readonly feedback = new Counter({
    name: "rag_feedback_total",
    help: "Votes readers cast on answers, by vote (up, down) and the answer's outcome.",
    labelNames: ["vote", "outcome"] as const,
    registers: this.registers,
  });
  readonly questionLogFailures = new Counter({
    name: "rag_question_log_failures_total",
    help: "Question log operations that failed or were dropped (the answer went out regardless), by operation (record, feedback, retention).",
    labelNames: ["operation"] as const,
    registers: this.registers,
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Publishes the size and generation of whatever index is live at scrape time (it changes on hot swap). */
  watchIndex(index: IndexHolder): void {
    const manifest = () => index.current.manifest;
    this.gaugeReading("rag_index_chunks", "Chunks in the live index generation.", () => manifest().chunkCount);
    this.gaugeReading("rag_index_documents", "Documents in the live index generation.", () => manifest().documentCount);
    this.gaugeReading("rag_index_built_timestamp_seconds", "When the live index generation was built (Unix time).", () =>
      Date.parse(manifest().builtAt) / 1000,
    );
    new Gauge({
      name: "rag_index_generation_info",
      help: "Always 1; the label names the live index generation.",
      labelNames: ["generation"] as const,
      registers: this.registers,
      collect() {
        this.reset();
        this.set({ generation: manifest().generation }, 1);
      },
    });
  }

  /** A gauge whose value is read when scraped. */
  private gaugeReading(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: this.registers,
      collect() {
        this.set(read());
      },
    });
  }

  /** The exposition text and its content type, for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
