/**
 * @module wrap-answerer
 * The one way to put something around every answerer call (a concurrency
 * slot, a timer): `open` runs before the call and the scope it returns is
 * ended exactly once when the call settles, for `answer` and for `stream`
 * alike (a stream ends when it returns, throws, or its reader stops early).
 */
import type { AnswerDraft, AnswerInput, Answerer } from "./types.js";

/** How a wrapped call ended: with a draft, with an error, or abandoned by its reader. */
export type CallOutcome = { draft: AnswerDraft } | { error: unknown } | { abandoned: true };

export interface CallScope {
  end(outcome: CallOutcome): void;
}

/** Opens a scope for one call; may wait (for a slot) or throw (when there is none). */
export type OpenScope = (input: AnswerInput, signal?: AbortSignal) => CallScope | Promise<CallScope>;

/** An answerer that behaves like `inner`, with `open` around each of its calls. */
export function wrapAnswerer(inner: Answerer, open: OpenScope): Answerer {
  const wrapped: Answerer = {
    model: inner.model,
    async answer(input, signal) {
      const scope = await open(input, signal);
      try {
        const draft = await inner.answer(input, signal);
        scope.end({ draft });
        return draft;
      } catch (error) {
        scope.end({ error });
        throw error;
      }
    },
  };
  const stream = inner.stream?.bind(inner);
  if (stream) {
    wrapped.stream = async function* (input: AnswerInput, signal?: AbortSignal) {
      const scope = await open(input, signal);
      let outcome: CallOutcome = { abandoned: true };
      try {
        const draft = yield* stream(input, signal);
        outcome = { draft };
        return draft;
      } catch (error) {
        outcome = { error };
        throw error;
      } finally {
        scope.end(outcome);
      }
    };
  }
  return wrapped;
}
