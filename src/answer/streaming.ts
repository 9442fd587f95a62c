/**
 * @module streaming
 * One streaming path for every answerer: a chat model streams its own tokens;
 * an answerer that cannot stream (the extractive one) is streamed sentence by
 * sentence from its finished draft, so a client handles both the same way.
 */
import type { AnswerDraft, AnswerInput, Answerer } from "./types.js";
import { answerSentences } from "./verify-citations.js";

/** Pieces of the answer as they are produced; the generator's return value is the whole draft. */
export async function* streamAnswer(answerer: Answerer, input: AnswerInput, signal?: AbortSignal): AsyncGenerator<string, AnswerDraft> {
  if (answerer.stream) return yield* answerer.stream(input, signal);
  const draft = await answerer.answer(input, signal);
  yield* streamDraft(draft);
  return draft;
}

/** A finished draft, one sentence per piece; the pieces concatenate to the answer. */
export function* streamDraft(draft: AnswerDraft): Generator<string, AnswerDraft> {
  let last = 0;
  for (const span of answerSentences(draft.answer)) {
    yield draft.answer.slice(last, span.end);
    last = span.end;
  }
  if (last < draft.answer.length) yield draft.answer.slice(last);
  return draft;
}

/** Runs a piece generator to the end, discarding the pieces, and returns its result. */
export async function drain<R>(pieces: AsyncGenerator<unknown, R>): Promise<R> {
  for (;;) {
    const next = await pieces.next();
    if (next.done) return next.value;
  }
}
