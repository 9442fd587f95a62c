/**
 * @module limited-answerer
 * A cap on concurrent chat model calls with a bounded queue in front of it:
 * at most `concurrency` calls run, at most `queueSize` wait, and anything
 * beyond that is refused at once (ModelBusyError, which says when to retry),
 * so a burst never becomes an unbounded backlog of sockets and memory.
 * The answerer and the follow-up rewriter share one set of slots: both call
 * the same model, and a rewrite must not slip past a cap the answer obeys.
 */
import type { QuestionRewriter } from "./follow-up.js";
import type { Answerer } from "./types.js";
import { wrapAnswerer } from "./wrap-answerer.js";

export interface ModelLimits {
  concurrency: number;
  queueSize: number;
}

/** What the limiter reports, for metrics. */
export interface LimiterEvents {
  onChange?(state: { running: number; queued: number }): void;
  onReject?(): void;
}

/** Refusal when every slot and queue place is taken; the caller should retry after `retryAfterSeconds`. */
export class ModelBusyError extends Error {
  override name = "ModelBusyError";
  constructor(readonly retryAfterSeconds: number) {
    super("The answer service is busy; please retry shortly.");
  }
}

interface Waiter {
  grant(): void;
  signal?: AbortSignal;
  onAbort(): void;
}

// A first guess of one call's duration, until real calls have been timed.
const INITIAL_CALL_MS = 2000;
// Weight of the newest call in the moving average of call durations.
const SMOOTHING = 0.2;

/** Counts running calls and queues waiters in arrival order. */
export class ModelSlots {
  private running = 0;
  private readonly queue: Waiter[] = [];
  private averageCallMs = INITIAL_CALL_MS;

  constructor(
    private readonly limits: ModelLimits,
    private readonly events: LimiterEvents,
  ) {}

  /** Resolves with a release function once a slot is free; throws ModelBusyError when the queue is full. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.running < this.limits.concurrency) {
      this.running++;
      this.report();
      return this.lease();
    }
    if (this.queue.length >= this.limits.queueSize) {
      this.events.onReject?.();
      throw new ModelBusyError(this.retryAfterSeconds());
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        signal,
        // A client that leaves while queued gives its place back.
        onAbort: () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          this.report();
          reject(signal!.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.report();
    });
    return this.lease();
  }

  /** The release function of a slot already counted in `running`. */
  private lease(): () => void {
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.averageCallMs += SMOOTHING * (performance.now() - started - this.averageCallMs);
      // The slot passes straight to the first waiter, so no newcomer can take it in between.
      const next = this.queue.shift();
      if (next) {
        next.signal?.removeEventListener("abort", next.onAbort);
        next.grant();
      } else {
        this.running--;
      }
      this.report();
    };
  }

  /** Time until the queue ahead has drained, at the observed speed; at least one second. */
  private retryAfterSeconds(): number {
    const rounds = (this.queue.length + this.running) / this.limits.concurrency;
    return Math.max(1, Math.ceil((rounds * this.averageCallMs) / 1000));
  }

  private report(): void {
    this.events.onChange?.({ running: this.running, queued: this.queue.length });
  }
}

/** Wraps an answerer so that at most `limits.concurrency` of its calls run at once (streams included); pass shared slots to count other model calls too. */
export function limitAnswerer(inner: Answerer, limits: ModelLimits | ModelSlots, events: LimiterEvents = {}): Answerer {
  const slots = limits instanceof ModelSlots ? limits : new ModelSlots(limits, events);
  return wrapAnswerer(inner, async (_input, signal) => {
    const release = await slots.acquire(signal);
    return { end: release };
  });
}

/** Wraps a rewriter so that its model call takes one of `slots` (refused with ModelBusyError when none is to be had). */
export function limitRewriter(inner: QuestionRewriter, slots: ModelSlots): QuestionRewriter {
  return {
    async rewrite(question, history, signal) {
      if (!history.length) return inner.rewrite(question, history, signal);
      const release = await slots.acquire(signal);
      try {
        return await inner.rewrite(question, history, signal);
      } finally {
        release();
      }
    },
  };
}
