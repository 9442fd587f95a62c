/**
 * @module resilient
 * Bounded retries with exponential backoff inside one deadline, then a
 * fallback: the chat answerer is wrapped so that a rate limit, a server error,
 * a timeout or a malformed reply never reaches the user as an error — they get
 * the extractive answer marked `degraded`, and the operator gets a log line.
 * A client that goes away is not a failure: its abort is passed through.
 */
import type { Logger } from "../logger.js";
import { drain, streamAnswer, streamDraft } from "./streaming.js";
import type { AnswerDraft, AnswerInput, Answerer } from "./types.js";

export interface ResilienceOptions {
  /** Further attempts after the first, for retryable failures only. */
  retries: number;
  /** Deadline of the whole model phase, retries included; past it the fallback answers. */
  deadlineMs: number;
  /** Wait before the first retry; doubled for each further one. */
  backoffMs: number;
  logger: Logger;
}

export class ResilientAnswerer implements Answerer {
  readonly model: string;

  constructor(
    private readonly primary: Answerer,
    private readonly fallback: Answerer,
    private readonly options: ResilienceOptions,
  ) {
    this.model = primary.model;
  }

  answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerDraft> {
    return drain(this.generate(input, signal, (attemptSignal) => once(this.primary.answer(input, attemptSignal))));
  }

  stream(input: AnswerInput, signal?: AbortSignal): AsyncGenerator<string, AnswerDraft> {
    return this.generate(input, signal, (attemptSignal) => streamAnswer(this.primary, input, attemptSignal));
  }

  /**
   * Attempts until one succeeds, the deadline passes or the retries run out.
   * Once a piece has reached the client there is no retry (it would repeat
   * text); the fallback's draft then replaces the partial answer at the end.
   */
  private async *generate(
    input: AnswerInput,
    signal: AbortSignal | undefined,
    attempt: (signal: AbortSignal) => AsyncGenerator<string, AnswerDraft>,
  ): AsyncGenerator<string, AnswerDraft> {
    const deadline = AbortSignal.timeout(this.options.deadlineMs);
    const attemptSignal = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const progress = { emitted: false };
    let failure: unknown;
    for (let retry = 0; ; retry++) {
      try {
        return yield* observe(attempt(attemptSignal), progress);
      } catch (error) {
        if (signal?.aborted) throw error;
        failure = error;
        if (progress.emitted || deadline.aborted || retry >= this.options.retries || !isRetryable(error)) break;
        await sleep(this.options.backoffMs * 2 ** retry, attemptSignal);
        if (signal?.aborted) throw signal.reason;
        if (deadline.aborted) break;
      }
    }
    this.options.logger.warn(
      { err: describe(failure), timedOut: deadline.aborted, model: this.model },
      "chat model failed; serving the extractive answer instead",
    );
    const draft = await this.fallback.answer(input, signal);
    if (!progress.emitted) yield* streamDraft(draft);
    return { ...draft, degraded: true };
  }
}

/** Rate limits, server errors, timeouts, dropped connections and malformed replies may pass; other 4xx will not. */
export function isRetryable(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  if (typeof status !== "number") return true;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

async function* once(draft: Promise<AnswerDraft>): AsyncGenerator<string, AnswerDraft> {
  return await draft;
}

/** Re-yields the pieces, noting that one was emitted; closing the outer generator closes the inner one. */
async function* observe(pieces: AsyncGenerator<string, AnswerDraft>, progress: { emitted: boolean }): AsyncGenerator<string, AnswerDraft> {
  let finished = false;
  try {
    for (;;) {
      const next = await pieces.next();
      if (next.done) {
        finished = true;
        return next.value;
      }
      progress.emitted = true;
      yield next.value;
    }
  } finally {
    if (!finished) await pieces.return(undefined as never).catch(() => undefined);
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (without throwing: the caller checks why). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

function describe(error: unknown): { name?: string; message: string; status?: number } {
  const e = error as { name?: string; message?: string; status?: number };
  return { name: e?.name, message: e?.message ?? String(error), ...(typeof e?.status === "number" && { status: e.status }) };
}
