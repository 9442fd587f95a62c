/**
 * @module worker-pool
 * Embedding off the event loop: a fixed pool of worker threads, each holding
 * its own model, fed from one queue. Model inference is synchronous CPU work;
 * run on the main thread it stalls every other request (a /health check waits
 * behind a whole embedding batch), and one thread uses one core only.
 *
 * Requests are micro-batched: a free worker takes queued texts up to
 * `batchSize`, so concurrent single queries share one model call, and bulk
 * ingest is spread over all workers in batches.
 */
import { Worker } from "node:worker_threads";

export interface WorkerPoolOptions {
  /** Module run by each worker; speaks the protocol described in use-worker.mjs. */
  script: URL;
  /** Number of worker threads (at least 1). */
  workers: number;
  /** Most texts sent to a worker in one message. */
  batchSize: number;
}

interface Job {
  texts: string[];
  resolve(vectors: number[][]): void;
  reject(error: Error): void;
}

type Reply = { id: number; vectors: Float32Array } | { id: number; error: string };

export class EmbeddingWorkerPool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly inFlight = new Map<Worker, Job[]>();
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly batchSize: number,
  ) {
    for (const worker of workers) {
      worker.on("message", (reply: Reply) => this.settle(worker, reply));
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", (code) => this.fail(worker, new Error(`embedding worker exited with code ${code}`)));
      this.release(worker);
    }
  }

  /** Starts the workers and resolves once every one has loaded its model. */
  static async start(options: WorkerPoolOptions): Promise<EmbeddingWorkerPool> {
    const count = Math.max(1, Math.floor(options.workers));
    const workers = Array.from({ length: count }, () => new Worker(options.script));
    try {
      await Promise.all(workers.map(whenReady));
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    return new EmbeddingWorkerPool(workers, options.batchSize);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Embeds texts in order, split so that every worker gets a share. */
  embed(texts: string[]): Promise<number[][]> {
    if (this.closed) return Promise.reject(new Error("the embedding worker pool is closed"));
    if (!texts.length) return Promise.resolve([]);
    // A request smaller than a batch per worker is still split over all workers: an /ask's
    // evidence sentences finish in half the time on two idle cores. Under load the queue
    // merges the small parts back into full batches.
    const size = Math.min(this.batchSize, Math.ceil(texts.length / this.workers.length));
    const parts: Promise<number[][]>[] = [];
    for (let i = 0; i < texts.length; i += size) {
      parts.push(new Promise((resolve, reject) => this.queue.push({ texts: texts.slice(i, i + size), resolve, reject })));
    }
    this.dispatch();
    return Promise.all(parts).then((batches) => batches.flat());
  }

  /** Stops every worker; queued and running requests are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error("the embedding worker pool was closed");
    for (const job of this.queue.splice(0)) job.reject(error);
    for (const jobs of this.inFlight.values()) for (const job of jobs) job.reject(error);
    this.inFlight.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const jobs = [this.queue.shift()!];
      let count = jobs[0]!.texts.length;
      while (this.queue.length && count + this.queue[0]!.texts.length <= this.batchSize) {
        const job = this.queue.shift()!;
        jobs.push(job);
        count += job.texts.length;
      }
      this.inFlight.set(worker, jobs);
      // A busy worker keeps the process alive; an idle one must not (scripts may end without close()).
      worker.ref();
      worker.postMessage({ id: this.nextId++, texts: jobs.flatMap((j) => j.texts) });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const jobs = this.inFlight.get(worker);
    if (!jobs) return;
    this.inFlight.delete(worker);
    if ("error" in reply) {
      for (const job of jobs) job.reject(new Error(`embedding failed: ${reply.error}`));
    } else {
      const dimension = reply.vectors.length / jobs.reduce((n, j) => n + j.texts.length, 0);
      let row = 0;
      for (const job of jobs) {
        const start = row;
        row += job.texts.length;
        job.resolve(rowsOf(reply.vectors.subarray(start * dimension, row * dimension), dimension));
      }
    }
    this.release(worker);
    this.dispatch();
  }

  private release(worker: Worker): void {
    worker.unref();
    this.idle.push(worker);
  }

  /** A worker that crashed is dropped; its requests fail, and so does everything once no worker is left. */
  private fail(worker: Worker, error: Error): void {
    if (this.closed || !this.workers.includes(worker)) return;
    this.workers.splice(this.workers.indexOf(worker), 1);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    for (const job of this.inFlight.get(worker) ?? []) job.reject(error);
    this.inFlight.delete(worker);
    if (!this.workers.length) {
      this.closed = true;
      for (const job of this.queue.splice(0)) job.reject(new Error(`no embedding worker left: ${error.message}`));
    }
  }
}

function rowsOf(flat: Float32Array, dimension: number): number[][] {
  const rows: number[][] = [];
  for (let at = 0; at < flat.length; at += dimension) rows.push(Array.from(flat.subarray(at, at + dimension)));
  return rows;
}

function whenReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`embedding worker exited with code ${code} while loading the model`)));
  });
}
