/**
 * @module streaming
 * One streaming path for every answerer: a chat model streams its own tokens;
 * an answerer that cannot stream (the extractive one) is streamed sentence by
 * sentence from its finished draft, so a client handles both the same way.
 */
import type { AnswerDraft, AnswerInput, Answerer, Passage } from "./types.js";
import { answerSentences, verifyCitations } from "./verify-citations.js";

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

/**
 * The answerer's pieces as a reader may see them before the final answer: a
 * sentence at a time, once it is complete, checked as the final answer is
 * (verifyCitations): a sentence no passage supports is held back, and a link
 * no passage contains is shown as "[link removed]". A client that shows only
 * the streamed text (an OpenAI client never reads the final answer) therefore
 * never shows what the final answer leaves out. The draft is returned as is.
 */
export async function* verifiedPieces(pieces: AsyncGenerator<string, AnswerDraft>, passages: Passage[]): AsyncGenerator<string, AnswerDraft> {
  let pending = "";
  let shown = false;
  for (;;) {
    const next = await pieces.next();
    // An abstention's own words are never shown: the final answer says it in the service's words.
    if (next.done && next.value.abstained) return next.value;
    if (!next.done) pending += next.value;
    const spans = answerSentences(pending);
    // The last sentence may still grow, or gain its citation, until the next one starts or the answer ends.
    const settled = next.done ? spans : spans.slice(0, -1);
    let from = 0;
    for (const span of settled) {
      const { answer } = verifyCitations(pending.slice(span.start, span.end), passages);
      if (answer) {
        yield shown ? pending.slice(from, span.start) + answer : answer;
        shown = true;
      }
      from = span.end;
    }
    pending = pending.slice(from);
    if (next.done) return next.value;
  }
}

/** Runs a piece generator to the end, discarding the pieces, and returns its result. */
export async function drain<R>(pieces: AsyncGenerator<unknown, R>): Promise<R> {
  for (;;) {
    const next = await pieces.next();
    if (next.done) return next.value;
  }
}
