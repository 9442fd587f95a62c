/**
 * @module confidence
 * One number per question saying how well the retrieved passages support an
 * answer: the best sentence's IDF-weighted coverage of the question (mostly its
 * own, partly its passage's), halved when it lacks the kind of answer asked
 * for. The abstention threshold on it is chosen on data by `npm run eval`.
 */
import type { SentenceEvidence } from "./evidence.js";

export function sentenceConfidence(s: SentenceEvidence): number {
  return (s.typeMatch ? 1 : 0.5) * (0.75 * s.coverage + 0.25 * s.contextCoverage);
}

export function answerConfidence(evidence: SentenceEvidence[]): number {
  return evidence.reduce((best, s) => Math.max(best, sentenceConfidence(s)), 0);
}
