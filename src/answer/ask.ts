/**
 * @module ask
 * The question-answering use case: read the question without its pleasantries
 * ("Hi, could you tell me …", pleasantries.ts) → rewrite a follow-up → retrieve → pack the
 * passages into the token budget → weigh the evidence and assess it (decision.ts)
 * → not found, or answer → verify every citation → renumber the cited passages
 * in order of use (uncited passages follow as context, numbered after them).
 *
 * Who decides: the assessment only stops questions for which retrieval found
 * nothing plausibly relevant (`not_found`). Past that gate, a chat model reads
 * the passages and decides itself whether they answer (it may abstain); the
 * extractive answerer follows the assessment's confidence (`answered` or
 * `uncertain`). A question about a section by name, or about the documents as
 * a whole ("What is this document about?", or a greeting or thanks alone, which is not
 * searched: its passages are the documents' openings), is answered by openings
 * (overview.ts).
 * Either way an answer none of whose sentences keeps a citation after
 * verification is not presented as grounded: it becomes `uncertain`, quoting
 * the closest passage.
 *
 * `askStream` is the use case as events (context, tokens, done; the tokens
 * verified a sentence at a time, so none shows what the final answer drops);
 * `answerQuestion` is the same pipeline returning only the final result.
 */
import { randomUUID } from "node:crypto";
import type { Chunk } from "../core/types.js";
import { type CitedPassage, passageView } from "../core/views.js";

import type { Retriever, SearchMode } from "../retrieval/types.js";
import type { IndexHolder } from "../store/index-holder.js";
import { packPassages } from "./context-budget.js";
import { withTableHeaders } from "./table-headers.js";
import { answeredByOpenings, type Assessment, assess, type DecisionCalibration } from "./decision.js";
import { type RankingModel, type SentenceEvidence, type SentenceSimilarity, weighEvidence } from "./evidence.js";
import { extractiveDraft } from "./extractive.js";
import { correctSpelling, type Lexicon } from "./spelling.js";
import type { Thesaurus } from "./synonyms.js";
import { asksForMore, type ChatTurn, HeuristicRewriter, notYetSaid, type QuestionRewriter } from "./follow-up.js";
import { asksAboutDocuments, documentPassages, openingPassages, sectionAsked } from "./overview.js";
import { smallTalk, withoutPleasantries } from "./pleasantries.js";
import { streamAnswer, streamDraft, verifiedPieces } from "./streaming.js";
import { ABSTENTION_MESSAGE, type AnswerDraft, type AnswerOutcome, MORE_PREFIX, UNCERTAIN_PREFIX, type Answerer, type Passage } from "./types.js";
import { verifyCitations } from "./verify-citations.js";

export interface AskDependencies {
  index: IndexHolder;
  retriever: Retriever;
  answerer: Answerer;
  /** The fitted models and thresholds that turn evidence into an outcome (calibration.json through the config). */
  decision: DecisionCalibration;
  /** The answer-sentence ranking model (calibration.json through the config). */
  ranking: RankingModel;
  /** Passages weighed for the decision (and quoted offline) when the request gives no `k`. */
  defaultK: number;
  /**
   * With a chat model, the passages it reads when the request gives no `k`: at least `defaultK`. The evidence and the
   * decision are still read from the best `defaultK`, as they were fitted; the model also reads those ranked after them,
   * where a question worded unlike the documents often finds its passage.
   */
  modelK?: number;
  mode: SearchMode;
  /** Makes follow-ups standalone before retrieval; default: the offline heuristic. */
  rewriter?: QuestionRewriter;
  /** Approximate tokens of passages shown to the answerer; default: no limit. */
  contextTokenBudget?: number;
  /** Question-to-sentence similarity for ranking evidence; without it only term overlap counts. */
  similarity?: SentenceSimilarity;
  /** Synonyms that count as the question's words in evidence (WordNet in production). */
  thesaurus?: Thesaurus;
  /** English words, so that a misspelt word is searched as the word the documents use (spelling.ts); without it, as written. */
  lexicon?: Lexicon;
  /** Told about every finished answer, streamed or not (metrics count abstentions with it). */
  onAnswered?: (result: AskResult) => void;
}

export interface AskInput {
  question: string;
  k?: number;
  /** Earlier turns of the conversation, oldest first. */
  history?: ChatTurn[];
}

export interface AskResult {
  /** Names this answer, e.g. for `POST /feedback`; random, so it says nothing about who asked. */
  id: string;
  answer: string;
  outcome: AnswerOutcome;
  /** True exactly when `outcome` is `not_found`. */
  abstained: boolean;
  confidence: number;
  citations: CitedPassage[];
  /** Retrieved passages the answer does not cite. */
  context: CitedPassage[];
  model: string;
  /** True when the chat model failed and the extractive answer was served instead. */
  degraded: boolean;
  /** What was searched: the standalone rewrite of a follow-up, else the question itself. */
  query: string;
  /** Answer sentences that no passage supports; they are kept without citation. */
  unsupported: string[];
  /** `rewrite` is there when the question came with history. */
  timings_ms: { rewrite?: number; retrieve: number; answer: number };
}

/** The streamed form of an answer, in this order: one context, tokens, then done. */
export type AskEvent =
  /** The passages the answerer sees, numbered as the tokens cite them; `context`: those left out by the token budget. */
  | { event: "context"; data: { citations: CitedPassage[]; context: CitedPassage[] } }
  | { event: "token"; data: { text: string } }
  /** The verified result, the same as `answerQuestion` returns. */
  | { event: "done"; data: AskResult };

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface Prepared {
  query: string;
  passages: Passage[];
  leftOut: Passage[];
  evidence: SentenceEvidence[];
  assessment: Assessment;
  /** `rewrite` only when the question came with history. */
  timings: { rewrite?: number; retrieve: number };
  /** The question asks for more on the one before ("tell me more"). */
  more: boolean;
  /** For a question about the documents as a whole: how many documents the index holds. */
  documentCount?: number;
  /** The question was a greeting or thanks alone ("Hi!", "Thanks!"): the overview follows a reply in kind. */
  smallTalk?: "greeting" | "thanks";
}

export async function answerQuestion(input: AskInput, deps: AskDependencies, signal?: AbortSignal): Promise<AskResult> {
  return answerWeighed(await weighQuestion(input, deps, signal), deps, signal);
}

/** The answer to a question already weighed (weighQuestion), as answerQuestion serves it. */
export async function answerWeighed(prepared: Prepared, deps: AskDependencies, signal?: AbortSignal): Promise<AskResult> {
  const started = performance.now();
  const draft = notFound(prepared) ? abstention(deps) : await deps.answerer.answer(answerInput(prepared), signal);
  const result = finish(prepared, draft, performance.now() - started);
  deps.onAnswered?.(result);
  return result;
}

export async function* askStream(input: AskInput, deps: AskDependencies, signal?: AbortSignal): AsyncGenerator<AskEvent> {
  const prepared = await weighQuestion(input, deps, signal);
  yield { event: "context", data: { citations: prepared.passages.map(toCited), context: prepared.leftOut.map(toCited) } };
  const started = performance.now();
  const pieces = notFound(prepared)
    ? streamDraft(abstention(deps))
    : verifiedPieces(streamAnswer(deps.answerer, answerInput(prepared), signal), prepared.passages);
  for (;;) {
    const next = await pieces.next();
    if (next.done) {
      const result = finish(prepared, next.value, performance.now() - started);
      deps.onAnswered?.(result);
      yield { event: "done", data: result };
      return;
    }
    yield { event: "token", data: { text: next.value } };
  }
}

/** Everything before the answerer: the searched query, the passages, the evidence and its assessment (the eval fits on this). */
export async function weighQuestion(input: AskInput, deps: AskDependencies, signal?: AbortSignal): Promise<Prepared> {
  const snapshot = deps.index.current;
  const t0 = performance.now();
  const message = withoutPleasantries(input.question);
  const asked = input.history?.length ? await (deps.rewriter ?? defaultRewriter).rewrite(message, input.history, signal) : message;
  const t1 = performance.now();
  const askedIdf = await snapshot.keywords.idfFor(asked);
  const query = deps.lexicon ? await correctSpelling(asked, askedIdf, deps.lexicon, (text) => snapshot.keywords.idfFor(text)) : asked;
  const k = input.k ?? deps.defaultK;
  const read = input.k ?? deps.modelK ?? k;
  const aboutDocuments = asksAboutDocuments(query);
  const talk = smallTalk(query);
  const ranked: Passage[] = aboutDocuments
    ? await documentPassages(snapshot, k)
    : await withTableHeaders(snapshot, (await deps.retriever.retrieve(snapshot, query, { k: read, mode: deps.mode })).map((r, i) => ({ n: i + 1, chunk: r.chunk, score: r.score })));
  const { packed, leftOut } = packPassages(ranked, deps.contextTokenBudget ?? Number.POSITIVE_INFINITY);
  const weighedPassages = packed.slice(0, k);
  const weighed = await weighEvidence(query, weighedPassages, {
    idf: query === asked ? askedIdf : await snapshot.keywords.idfFor(query),
    similarity: deps.similarity,
    ranking: deps.ranking,
    thesaurus: deps.thesaurus,
  });
  const more = Boolean(input.history?.length) && asksForMore(input.question);
  const evidence = more ? notYetSaid(input.history!, weighed) : weighed;
  return {
    query,
    passages: packed,
    leftOut,
    evidence,
    assessment: assessment(query, aboutDocuments, weighedPassages, evidence, deps.decision),
    timings: { rewrite: input.history?.length ? t1 - t0 : undefined, retrieve: performance.now() - t1 },
    more,
    ...(aboutDocuments && { documentCount: snapshot.manifest.documentCount }),
    ...(talk && { smallTalk: talk }),
  };
}

const defaultRewriter = new HeuristicRewriter();
// Before the overview (what the documents are about, and so what can be asked), a reply in kind.
const SMALL_TALK_REPLY = { greeting: "Hello! I answer questions from these documents:", thanks: "You're welcome! I answer questions from these documents:" };

/** A question about a section by name, or about the documents, is answered by openings; any other is assessed on its evidence. */
function assessment(query: string, aboutDocuments: boolean, passages: Passage[], evidence: SentenceEvidence[], decision: DecisionCalibration): Assessment {
  const openings = aboutDocuments ? openingPassages(passages) : sectionAsked(query, passages, evidence);
  return openings?.length ? answeredByOpenings(evidence, passages, openings) : assess(evidence, passages, decision);
}

function notFound(prepared: Prepared): boolean {
  return prepared.assessment.outcome === "not_found" || !prepared.passages.length;
}

function answerInput({ query, passages, evidence, assessment }: Prepared) {
  return { question: query, passages, evidence, assessment };
}

function abstention(deps: AskDependencies): AnswerDraft {
  return { answer: ABSTENTION_MESSAGE, cited: [], abstained: true, model: deps.answerer.model };
}

function finish(prepared: Prepared, answered: AnswerDraft, answerMs: number): AskResult {
  const { draft, verified } = grounded(prepared, answered);
  const shown = renumberCitations({ ...draft, answer: verified.answer }, prepared.passages, prepared.leftOut);
  // Said after verification: the introduction cites nothing, and unsupported sentences are dropped.
  if (draft.uncertain) shown.answer = `${prepared.more ? MORE_PREFIX : UNCERTAIN_PREFIX}${shown.answer.includes("\n") ? "\n" : " "}${shown.answer}`;
  // Said after verification, like the prefix: the count comes from the index, not from a passage.
  const openings = prepared.assessment.openings?.length ?? 0;
  if (!draft.abstained && prepared.documentCount !== undefined && prepared.documentCount > openings) {
    const first = openings === 1 ? "The first" : `The first ${openings}`;
    shown.answer = `${first} of ${prepared.documentCount.toLocaleString("en")} documents, by file name:\n${shown.answer}`;
  }
  if (!draft.abstained && prepared.smallTalk) shown.answer = `${SMALL_TALK_REPLY[prepared.smallTalk]}\n${shown.answer}`;
  return {
    id: randomUUID(),
    ...shown,
    outcome: draft.abstained ? "not_found" : draft.uncertain ? "uncertain" : "answered",
    abstained: draft.abstained,
    confidence: round(prepared.assessment.confidence, 4),
    model: draft.model,
    degraded: draft.degraded ?? false,
    query: prepared.query,
    unsupported: verified.unsupported,
    timings_ms: {
      // Only a follow-up is rewritten; other answers keep the two timings they always had.
      ...(prepared.timings.rewrite !== undefined && { rewrite: round(prepared.timings.rewrite, 2) }),
      retrieve: round(prepared.timings.retrieve, 2),
      answer: round(answerMs, 2),
    },
  };
}

/**
 * The draft with its citations verified. A draft none of whose sentences keeps
 * a citation (a chat model's claims that no passage supports) is replaced by
 * the closest passage, marked uncertain; its sentences stay listed as unsupported.
 */
function grounded(prepared: Prepared, draft: AnswerDraft): { draft: AnswerDraft; verified: { answer: string; unsupported: string[] } } {
  if (draft.abstained) return { draft, verified: { answer: draft.answer, unsupported: [] } };
  const verified = verifyCitations(draft.answer, prepared.passages);
  if (CITATION.test(verified.answer)) return { draft, verified };
  const closest = extractiveDraft(prepared.query, prepared.evidence, true, draft.model);
  if (closest.abstained) {
    return { draft: { ...draft, answer: ABSTENTION_MESSAGE, cited: [], abstained: true }, verified: { answer: ABSTENTION_MESSAGE, unsupported: verified.unsupported } };
  }
  const reverified = verifyCitations(closest.answer, prepared.passages);
  return { draft: { ...draft, ...closest, model: draft.model }, verified: { answer: reverified.answer, unsupported: [...verified.unsupported, ...reverified.unsupported] } };
}

const CITATION = /\[\d+\]/;

/**
 * Citations become 1, 2, … in order of first use; markers naming no supplied
 * passage are dropped. Passages not cited are returned as context, followed
 * by `leftOut` (retrieved passages the answerer was not shown).
 */
export function renumberCitations(
  draft: AnswerDraft,
  passages: Passage[],
  leftOut: Passage[] = [],
): Pick<AskResult, "answer" | "citations" | "context"> {
  if (draft.abstained) return { answer: draft.answer, citations: [], context: [...passages, ...leftOut].map((p, i) => cited(p, i + 1)) };
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
  const uncited = [...passages.filter((p) => !order.has(p.n)), ...leftOut];
  return { answer, citations, context: uncited.map((p, i) => cited(p, order.size + i + 1)) };
}

function toCited(passage: Passage): CitedPassage {
  return cited(passage, passage.n);
}

function cited(passage: { chunk: Chunk; score: number }, n: number): CitedPassage {
  return { n, ...passageView(passage) };
}
