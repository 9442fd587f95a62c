/**
 * @module readiness
 * Whether this instance should receive traffic (GET /ready), as opposed to
 * whether the process is alive (GET /health): an index is loaded, the chat
 * model answers if one is configured, the index's database answers if the
 * index lives in one, and the instance is not shutting down.
 */
import type { IndexHolder } from "../store/index-holder.js";

export interface ReadinessOptions {
  index: IndexHolder;
  /** The OpenAI-compatible server to probe; unset when answers are extractive. */
  model?: { baseURL?: string; apiKey?: string };
  probeTimeoutMs?: number;
  /** The index's database, when it has one (VECTOR_STORE=pgvector): a round trip per check. */
  database?: { ping(): Promise<void> };
  /** How long a probe result is reused, so frequent health checks do not hammer the model server. */
  probeCacheMs?: number;
}

export interface ReadinessReport {
  ready: boolean;
  checks: {
    index: { ok: boolean; generation?: string; chunks?: number };
    model: { ok: boolean; detail: string };
    database: { ok: boolean; detail: string };
    draining: boolean;
  };
}

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

export class Readiness {
  private draining = false;
  private probe?: { at: number; result: Promise<{ ok: boolean; detail: string }> };

  constructor(private readonly options: ReadinessOptions) {}

  /** From now on the instance reports not ready, so load balancers stop sending it requests. */
  markDraining(): void {
    this.draining = true;
  }

  async check(): Promise<ReadinessReport> {
    // The holder is only built around a loaded, verified generation, so an index is there by construction.
    const { manifest } = this.options.index.current;
    const index = { ok: true, generation: manifest.generation, chunks: manifest.chunkCount };
    const [model, database] = await Promise.all([this.modelStatus(), this.databaseStatus()]);
    return { ready: index.ok && model.ok && database.ok && !this.draining, checks: { index, model, database, draining: this.draining } };
  }

  private async databaseStatus(): Promise<{ ok: boolean; detail: string }> {
    const { database } = this.options;
    if (!database) return { ok: true, detail: "none (embedded index)" };
    try {
      await database.ping();
      return { ok: true, detail: "reachable" };
    } catch (error) {
      return { ok: false, detail: `unreachable: ${(error as Error).message}` };
    }
  }

  private modelStatus(): Promise<{ ok: boolean; detail: string }> {
    const { model, probeCacheMs = 10_000 } = this.options;
    if (!model) return Promise.resolve({ ok: true, detail: "not configured (extractive answers)" });
    if (!this.probe || performance.now() - this.probe.at > probeCacheMs) {
      this.probe = { at: performance.now(), result: this.probeModel(model) };
    }
    return this.probe.result;
  }

  /** Any HTTP answer below 500 from GET /models means the server is there; the key is not judged here. */
  private async probeModel({ baseURL = DEFAULT_BASE_URL, apiKey }: NonNullable<ReadinessOptions["model"]>) {
    try {
      const response = await fetch(`${baseURL.replace(/\/+$/, "")}/models`, {
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
        signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? 2000),
      });
      await response.body?.cancel();
      return response.status < 500
        ? { ok: true, detail: "reachable" }
        : { ok: false, detail: `model server answered ${response.status}` };
    } catch (error) {
      return { ok: false, detail: `model server unreachable: ${(error as Error).name}` };
    }
  }
}
