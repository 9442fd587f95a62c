import type { Chunk } from "../core/types.js";
import type { Assessment } from "./decision.js";
import type { SentenceEvidence } from "./evidence.js";

/** A retrieved chunk as shown to an answerer, numbered from 1 in retrieval order. */
export interface Passage {
  n: number;
  chunk: Chunk;
  score: number;
  /** The header of the table the chunk begins inside of, read from the document above it (table-headers.ts). */
  tableHeader?: string[];
}

/** What an answerer produces: text with [n] markers, and which passage numbers it cites. */
export interface AnswerDraft {
  answer: string;
  cited: number[];
  abstained: boolean;
  /** True when the answer only points at the closest passage, which may not answer the question directly. */
  uncertain?: boolean;
  model: string;
  /** True when a fallback answered because the chat model failed. */
  degraded?: boolean;
  /** Tokens the model reported for this answer, when it reports them (counted in /metrics). */
  usage?: { inputTokens: number; outputTokens: number };
}

export interface AnswerInput {
  question: string;
  passages: Passage[];
  /** Sentences of the passages ranked as evidence for the question, best first. */
  evidence: SentenceEvidence[];
  /** What the evidence alone says (answered or uncertain): the extractive answerer follows it, a chat model decides for itself. */
  assessment: Assessment;
}

/** The seam for answer generation: extractive offline, or a chat model. */
export interface Answerer {
  readonly model: string;
  answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerDraft>;
  /** Yields the answer text piece by piece as it is generated and returns the whole draft (optional). */
  stream?(input: AnswerInput, signal?: AbortSignal): AsyncGenerator<string, AnswerDraft>;
}

/**
 * How an answer came out: `answered` (a sentence clearly answers, with citations),
 * `uncertain` (nothing answers clearly, but the closest passages are shown as worth
 * reading) or `not_found` (the documents do not say; `abstained` is true exactly then).
 */
export type AnswerOutcome = "answered" | "uncertain" | "not_found";

export const ABSTENTION_MESSAGE = "I could not find this in the documents.";
/** How an `uncertain` answer begins: what follows is the closest passage, not a confirmed answer. */
export const UNCERTAIN_PREFIX = "The documents may not answer this directly. The closest passage says:";
/** How an `uncertain` answer to "tell me more" begins: more of what the documents say near the question, not an answer to it. */
export const MORE_PREFIX = "The documents also say:";
