/**
 * @module evidence
 * How well each sentence of the retrieved passages answers a question: the
 * share of the question's information (IDF-weighted terms) that the sentence
 * covers, alone and with its passage; how close it is in meaning (cosine of
 * sentence embeddings, when an embedder is given); and whether it holds the
 * kind of thing asked for (a number for "how many", a date for "when", an
 * amount for "what price"). Both the extractive answerer and the confidence
 * score read this, so they agree on what counts as evidence.
 */
import { sentenceSpans } from "../ingest/sentences.js";
import type { Chunk } from "../core/types.js";
import calibration from "../retrieval/calibration.json" with { type: "json" };
import { terms, words } from "../retrieval/tokenize.js";
import { expectedAnswerType, holdsAnswerType, ROLE_NOUNS } from "./answer-type.js";
import type { Passage } from "./types.js";

export interface SentenceEvidence {
  /** Passage number ([n]) the sentence comes from. */
  n: number;
  /** The document it is in; `start`/`end` are offsets in it. */
  source: string;
  /** True for an item of a numbered or bulleted list (its marker is not part of `text`). */
  listItem: boolean;
  /** Offsets in the source document. */
  start: number;
  end: number;
  text: string;
  /** IDF-weighted share of question terms found in the sentence, 0..1. */
  coverage: number;
  /** The same share over the sentence and its passage together, 0..1. */
  contextCoverage: number;
  /** The same share over all retrieved passages together (one value per question), 0..1. */
  retrievedCoverage: number;
  /** Cosine similarity of sentence and question embeddings; 0 when no embedder was given. */
  similarity: number;
  /** False when the question asks for a number, date or amount and the sentence has none. */
  typeMatch: boolean;
  /** Ranking score used to pick answer sentences. */
  score: number;
}

export type Idf = (term: string) => number;

/** Cosine similarities of the question to each text (an embedder behind it). */
export type SentenceSimilarity = (question: string, texts: string[]) => Promise<number[]>;

/** Weights of the sentence ranking score, fitted by `npm run eval` on SQuAD and stored in calibration.json. */
export interface RankingWeights {
  coverage: number;
  contextCoverage: number;
  similarity: number;
  passage: number;
  /** Factor applied to a sentence that lacks the kind of answer asked for. */
  typeMismatch: number;
}

export const DEFAULT_RANKING: RankingWeights = calibration.ranking;

const BULLET = /^(?:[•\-*–·▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;

export interface Sentence {
  start: number;
  end: number;
  text: string;
  listItem: boolean;
}

/** The sentences of a chunk as evidence sees them (list bullets stripped), with document offsets. */
export function chunkSentences(chunk: Chunk): Sentence[] {
  const out: Sentence[] = [];
  for (const span of sentenceSpans(chunk.text)) {
    let start = span.start;
    const bullet = BULLET.exec(chunk.text.slice(start, span.end));
    if (bullet) start += bullet[0].length;
    const text = chunk.text.slice(start, span.end);
    if (terms(text).length) out.push({ start: chunk.start + start, end: chunk.start + span.end, text, listItem: bullet !== null });
  }
  return out;
}

export interface EvidenceOptions {
  idf: Idf;
  similarity?: SentenceSimilarity;
  weights?: RankingWeights;
}

/** Every sentence of the passages, scored as evidence for the question, best first. */
export async function weighEvidence(question: string, passages: Passage[], options: EvidenceOptions): Promise<SentenceEvidence[]> {
  const weights = options.weights ?? DEFAULT_RANKING;
  const coverageOf = questionCoverage(question, options.idf);
  const type = expectedAnswerType(question);
  const passageTerms = passages.map(({ chunk }) => new Set(terms(`${chunk.text} ${chunk.headingPath.join(" ")}`)));
  const retrievedCoverage = coverageOf(new Set(passageTerms.flatMap((set) => [...set])));

  const candidates = passages.flatMap(({ n, chunk, score }, p) =>
    chunkSentences(chunk).map((sentence) => {
      const sentenceTerms = new Set(terms(sentence.text));
      return {
        n,
        source: chunk.source,
        ...sentence,
        passageScore: score,
        coverage: coverageOf(sentenceTerms),
        contextCoverage: coverageOf(new Set([...sentenceTerms, ...passageTerms[p]!])),
        retrievedCoverage,
        typeMatch: holdsAnswerType(sentence.text, type),
      };
    }),
  );
  const similarities = options.similarity && candidates.length ? await options.similarity(question, candidates.map((c) => c.text)) : [];

  return candidates
    .map(({ passageScore, ...c }, i): SentenceEvidence => {
      const similarity = similarities[i] ?? 0;
      const own = weights.coverage * c.coverage + weights.contextCoverage * c.contextCoverage + weights.similarity * similarity;
      return { ...c, similarity, score: (c.typeMatch ? 1 : weights.typeMismatch) * own + weights.passage * passageScore };
    })
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

// Words that frame a question ("what kind of", "besides", "which type") rather than say what it is about.
const FRAMING_WORDS = new Set(
  "besides apart except kind kinds type types sort sorts name names named called exactly specific specifically particular mention mentioned describe described main hold holds".split(" "),
);
// "Besides chairing NEMO, what other…": what the question sets aside is not what the answer must contain.
const EXCLUSION = /\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to)\b[^,;?]*[,;]/giu;
// Stems this long or longer match their extensions: "direct" ~ "director", "chair" ~ "chairperson".
const MIN_VARIANT_PREFIX = 5;

/**
 * The IDF-weighted share of the question's content terms that a set of terms
 * holds. A question term also counts as found through a variant sharing a
 * long prefix, which Porter stemming leaves apart. Framing words and a leading
 * exclusion clause ("besides X,") are not content.
 */
export function questionCoverage(question: string, idf: Idf): (found: Set<string>) => number {
  const weights = new Map<string, number>();
  const asksForRole = expectedAnswerType(question) === "role";
  for (const word of words(question.replace(EXCLUSION, " "))) {
    if (FRAMING_WORDS.has(word) || (asksForRole && ROLE_NOUNS.test(word))) continue;
    for (const t of terms(word)) weights.set(t, idf(t));
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const isVariant = (a: string, b: string) => {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    return short.length >= MIN_VARIANT_PREFIX && long.startsWith(short);
  };
  return (found) => {
    let sum = 0;
    for (const [t, w] of weights) {
      if (found.has(t) || (t.length >= MIN_VARIANT_PREFIX && [...found].some((f) => isVariant(t, f)))) sum += w;
    }
    return sum / total;
  };
}
