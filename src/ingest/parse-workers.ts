/**
 * @module parse-workers
 * Loading and chunking off the event loop, under a time budget per file.
 * Parsing is synchronous CPU work: on the main thread one crafted file (a
 * 100 KB heading line, a deeply nested page) stalls every request for as long
 * as it takes, and nothing can stop it. Here each file is parsed in a worker
 * thread (parse-worker.mjs) at a lower CPU priority; a file still running when
 * its budget is spent is abandoned with its thread, which is replaced, and the
 * file is reported by name like any unreadable file.
 *
 * One file per worker at a time, so a budget measures that file alone. Workers
 * start on the first file (importing the loaders takes a second) and then
 * stay, idle ones not keeping the process alive; a server keeps one set for
 * every reindex.
 */
import { Worker } from "node:worker_threads";
import { type PackedChunks, type ParsedFile, type ParseRequest, unpackChunks } from "./parse-file.js";
import { LoadError, type SourceDocument } from "./types.js";

const SCRIPT = new URL("./parse-worker.mjs", import.meta.url);

export interface ParseWorkersOptions {
  /** Files parsed at once, each in its own thread (default 1). */
  workers?: number;
}

interface Job {
  request: ParseRequest;
  timeoutMs: number;
  resolve(parsed: ParsedFile): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: Job & { id: number; timer: NodeJS.Timeout };
}

type Reply = { ready: true } | { id: number; document: SourceDocument; chunks: PackedChunks } | { id: number; reason: string };

export class ParseWorkers {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly size: number;
  private nextId = 0;
  private closed = false;

  constructor(options: ParseWorkersOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? 1));
  }

  /**
   * Loads and chunks one file. Rejects with a LoadError naming the file when it
   * cannot be read or takes longer than `timeoutMs`; with another error when no
   * worker can start (then no file can be loaded, and the build must fail).
   */
  parse(request: ParseRequest, timeoutMs: number): Promise<ParsedFile> {
    if (this.closed) return Promise.reject(new Error("the parse workers are closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; files waiting or being parsed are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error("the parse workers were closed");
    for (const job of this.queue.splice(0)) job.reject(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.abandon(slot, error);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length && this.slots.length < this.size) this.spawn();
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.ready && !slot.running) this.run(slot, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const slot: Slot = { worker: new Worker(SCRIPT), ready: false };
    this.slots.push(slot);
    slot.worker.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        slot.ready = true;
        // An idle worker must not keep a script's process alive (run() refs it while busy).
        slot.worker.unref();
        this.dispatch();
      } else this.settle(slot, reply);
    });
    slot.worker.on("error", (error) => this.lost(slot, error));
    slot.worker.on("exit", (code) => this.lost(slot, new Error(`exited with code ${code}`)));
  }

  private run(slot: Slot, job: Job): void {
    const id = this.nextId++;
    slot.worker.ref();
    slot.running = { ...job, id, timer: setTimeout(() => this.timeOut(slot), job.timeoutMs) };
    slot.worker.postMessage({ id, request: job.request });
  }

  private settle(slot: Slot, reply: Exclude<Reply, { ready: true }>): void {
    const job = slot.running;
    if (!job || job.id !== reply.id) return;
    clearTimeout(job.timer);
    slot.running = undefined;
    slot.worker.unref();
    if ("reason" in reply) job.reject(new LoadError(job.request.source, reply.reason));
    else unpackChunks(reply.document, reply.chunks).then((chunks) => job.resolve({ document: reply.document, chunks }), job.reject);
    this.dispatch();
  }

  /** The file ran out of time: its thread is ended (the only way to stop synchronous work) and replaced. */
  private timeOut(slot: Slot): void {
    const job = slot.running;
    if (!job || !this.remove(slot)) return;
    slot.running = undefined;
    void slot.worker.terminate();
    job.reject(new LoadError(job.request.source, `took longer than the time limit of ${duration(job.timeoutMs)} to load (LOAD_FILE_TIMEOUT_MS); skipped`));
    this.dispatch();
  }

  /** A worker died: its file is reported (a crafted file may exhaust its memory); a worker that never started fails every waiting file. */
  private lost(slot: Slot, error: Error): void {
    if (!this.remove(slot)) return;
    if (slot.running) {
      this.abandon(slot, new LoadError(slot.running.request.source, `could not be loaded: the parser stopped (${error.message}); skipped`));
    } else if (!slot.ready) {
      const failure = new Error(`the parse worker could not start: ${error.message}`, { cause: error });
      for (const job of this.queue.splice(0)) job.reject(failure);
      return;
    }
    this.dispatch();
  }

  private abandon(slot: Slot, error: Error): void {
    if (!slot.running) return;
    clearTimeout(slot.running.timer);
    slot.running.reject(error);
    slot.running = undefined;
  }

  private remove(slot: Slot): boolean {
    const at = this.slots.indexOf(slot);
    if (at < 0) return false;
    this.slots.splice(at, 1);
    return true;
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
