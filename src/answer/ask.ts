/**
 * @module ask
 * The question-answering use case: retrieve → weigh the evidence → abstain or
 * answer → keep only citations of supplied passages, renumbered in order of use
 * (uncited passages follow as context, numbered after them).
 */
import type { Chunk } from "../ingest/types.js";
import type { Retriever } from "../retrieval/retriever.js";
import type { SearchMode } from "../retrieval/types.js";
import type { IndexHolder } from "../store/index-holder.js";
import { answerConfidence } from "./confidence.js";
import { sentenceEvidence } from "./evidence.js";
import { ABSTENTION_MESSAGE, type AnswerDraft, type Answerer, type Passage } from "./types.js";

export interface AskDependencies {
  index: IndexHolder;
  retriever: Retriever;
  answerer: Answerer;
  /** Below this confidence the service abstains without calling the answerer. */
  abstainBelow: number;
  defaultK: number;
  mode: SearchMode;
}

export interface AskInput {
  question: string;
  k?: number;
}

export interface CitedPassage {
  n: number;
  id: string;
  source: string;
  title: string;
  headingPath: string[];
  text: string;
  start: number;
  end: number;
  page?: number;
  score: number;
}

export interface AskResult {
  answer: string;
  abstained: boolean;
  confidence: number;
  citations: CitedPassage[];
  /** Retrieved passages the answer does not cite. */
  context: CitedPassage[];
  model: string;
  timings_ms: { retrieve: number; answer: number };
}

export async function answerQuestion(input: AskInput, deps: AskDependencies, signal?: AbortSignal): Promise<AskResult> {
  const snapshot = deps.index.current;
  const t0 = performance.now();
  const retrieved = await deps.retriever.retrieve(snapshot, input.question, { k: input.k ?? deps.defaultK, mode: deps.mode });
  const passages: Passage[] = retrieved.map((r, i) => ({ n: i + 1, chunk: r.chunk, score: r.score }));
  const evidence = sentenceEvidence(input.question, passages, (t) => snapshot.keywords.idf(t));
  const confidence = answerConfidence(evidence);
  const t1 = performance.now();

  const draft: AnswerDraft =
    confidence < deps.abstainBelow || !passages.length
      ? { answer: ABSTENTION_MESSAGE, cited: [], abstained: true, model: deps.answerer.model }
      : await deps.answerer.answer({ question: input.question, passages, evidence }, signal);
  const t2 = performance.now();
  return {
    ...renumberCitations(draft, passages),
    abstained: draft.abstained,
    confidence: round(confidence, 4),
    model: draft.model,
    timings_ms: { retrieve: round(t1 - t0, 2), answer: round(t2 - t1, 2) },
  };
}

/**
 * Citations become 1, 2, … in order of first use; markers naming no supplied
 * passage are dropped. Passages not cited are returned as context.
 */
export function renumberCitations(draft: AnswerDraft, passages: Passage[]): Pick<AskResult, "answer" | "citations" | "context"> {
  if (draft.abstained) return { answer: draft.answer, citations: [], context: passages.map((p, i) => cited(p, i + 1)) };
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const order = new Map<number, number>();
  const answer = draft.answer
    .replace(/\s*\[(\d+)\]/g, (marker, digits: string) => {
      const n = Number(digits);
      if (!byNumber.has(n)) return "";
      if (!order.has(n)) order.set(n, order.size + 1);
      return marker.replace(digits, String(order.get(n)));
    })
    .trim();
  const citations = [...order].map(([n, renumbered]) => cited(byNumber.get(n)!, renumbered));
  const context = passages.filter((p) => !order.has(p.n)).map((p, i) => cited(p, order.size + i + 1));
  return { answer, citations, context };
}

function cited({ chunk, score }: { chunk: Chunk; score: number }, n: number): CitedPassage {
  return {
    n,
    id: chunk.id,
    source: chunk.source,
    title: chunk.title,
    headingPath: chunk.headingPath,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    ...(chunk.page !== undefined && { page: chunk.page }),
    score: round(score, 4),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
