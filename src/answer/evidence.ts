/**
 * @module evidence
 * How well each sentence of the retrieved passages answers a question: the
 * share of the question's information (IDF-weighted terms) that the sentence
 * covers, and whether it holds the kind of thing asked for (a number for "how
 * many", a date for "when"). Both the extractive answerer and the confidence
 * score read this, so they agree on what counts as evidence.
 */
import { sentenceSpans } from "../ingest/sentences.js";
import { terms } from "../retrieval/tokenize.js";
import { sentenceConfidence } from "./confidence.js";
import type { Passage } from "./types.js";

export interface SentenceEvidence {
  /** Passage number ([n]) the sentence comes from. */
  n: number;
  /** Offsets in the source document. */
  start: number;
  end: number;
  text: string;
  /** IDF-weighted share of question terms found in the sentence, 0..1. */
  coverage: number;
  /** The same share over the sentence and its passage together, 0..1. */
  contextCoverage: number;
  /** False when the question asks for a number or date and the sentence has none. */
  typeMatch: boolean;
  /** Ranking score used to pick answer sentences. */
  score: number;
}

export type Idf = (term: string) => number;

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds?|thousands?|millions?|billions?)\b/i;
const MONTHS = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;

type AnswerType = "number" | "date" | "any";

export function expectedAnswerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow (many|much|often|long|old|large|big|far)\b|\bwhat (number|percentage|proportion|amount|share)\b/.test(q)) return "number";
  if (/\bwhen\b|\bwhat (year|date|day|month|time)\b|\bwhich (year|date|day|month)\b/.test(q)) return "date";
  return "any";
}

function holdsType(text: string, type: AnswerType): boolean {
  if (type === "number") return /\d/.test(text) || NUMBER_WORDS.test(text);
  if (type === "date") return /\d/.test(text) || MONTHS.test(text);
  return true;
}

/** Weight of the passage's retrieval score against the sentence's own coverage when ranking sentences. */
const PASSAGE_WEIGHT = 0.25;
const BULLET = /^(?:[•\-*–·▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;

export function sentenceEvidence(question: string, passages: Passage[], idf: Idf): SentenceEvidence[] {
  const weights = new Map<string, number>();
  for (const t of terms(question)) weights.set(t, idf(t));
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const coverageOf = (found: Set<string>) => {
    let sum = 0;
    for (const [t, w] of weights) if (found.has(t)) sum += w;
    return sum / total;
  };
  const type = expectedAnswerType(question);
  const out: SentenceEvidence[] = [];
  for (const { n, chunk, score: passageScore } of passages) {
    const passageTerms = new Set(terms(`${chunk.text} ${chunk.headingPath.join(" ")}`));
    for (const span of sentenceSpans(chunk.text)) {
      let start = span.start;
      const bullet = BULLET.exec(chunk.text.slice(start, span.end));
      if (bullet) start += bullet[0].length;
      const text = chunk.text.slice(start, span.end);
      const sentenceTerms = new Set(terms(text));
      if (!sentenceTerms.size) continue;
      const coverage = coverageOf(sentenceTerms);
      const contextCoverage = coverageOf(new Set([...sentenceTerms, ...passageTerms]));
      const typeMatch = holdsType(text, type);
      const sentence: SentenceEvidence = {
        n,
        start: chunk.start + start,
        end: chunk.start + span.end,
        text,
        coverage,
        contextCoverage,
        typeMatch,
        score: 0,
      };
      sentence.score = sentenceConfidence(sentence) + PASSAGE_WEIGHT * passageScore;
      out.push(sentence);
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
