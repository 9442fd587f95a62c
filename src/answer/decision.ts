/**
 * @module decision
 * Whether the retrieved passages answer a question, as two numbers read from
 * the evidence, and the outcome they lead to:
 *
 * - `relevance`: did retrieval find anything plausibly about the question? Its
 *   threshold is set for recall (nearly every answerable question whose passage
 *   was retrieved passes it), because below it nobody — not the extractive
 *   answerer, not the chat model — sees the passages: the outcome is `not_found`.
 * - `confidence`: does the best sentence actually answer it? Fitted on whether
 *   the extractive answer held a gold answer, on natural questions (NQ-open
 *   search queries, SQuAD questions including its unanswerable near-misses),
 *   so that "the documents talk about it but do not say" scores low. At or above
 *   its threshold the extractive outcome is `answered`; between the two, `uncertain`.
 *
 * Both are small logistic models: relevance over what describes retrieval as a
 * whole (RELEVANCE_FEATURES), confidence over every feature below, including
 * the sentence ranking's own probability for the best sentence. Their weights and the
 * two thresholds are chosen by `npm run eval` on fit splits only and reach the
 * service through the config (calibration.json). Why logistic models and not
 * something larger: a few thousand labelled questions, features that are
 * already meaningful, and weights an operator can read.
 */
import type { DecisionCalibration, DecisionFeature } from "../core/answer-calibration.js";
import { bestSentence, type SentenceEvidence } from "./evidence.js";
import { predict } from "./logistic-model.js";
import type { AnswerOutcome, Passage } from "./types.js";

export { DECISION_FEATURES, type DecisionCalibration, type DecisionFeature, type LogisticModel } from "../core/answer-calibration.js";
export type DecisionFeatures = Record<DecisionFeature, number>;

export interface Assessment {
  features: DecisionFeatures;
  relevance: number;
  confidence: number;
  /** What the evidence alone says; a chat model may still answer or abstain. */
  outcome: AnswerOutcome;
  /**
   * Set when the question asks what a section, or the documents, are about (overview.ts): the passages whose openings
   * answer it as asked — the section it names, or each document's first passage.
   */
  openings?: Passage[];
}

// Not also the best sentence's coverage with its document's title and headings alone (the passage's other sentences
// left out, where contextCoverage counts them: "the guest Wi-Fi network's password" for "What is the VPN password?",
// the VPN named in the next sentence). Refitted (`npm run eval -- --only=qa`, 2026-12-06): the small corpora's check
// questions 201 confident at 0.851 → 202 at 0.856, one more near-miss not confident; NQ-open's 503 at 0.889 → 483 at
// 0.888, its unanswerable not confident 96.7 → 95.6 %; the workplace set's near-miss still answered. Nor whether the
// best sentence is a list's item or introduces one (the seed set's uncertain answers about NEMO's thoughts and
// recommendations are quoted from lists): fitted a weight of 0.05, it moved no set by more than three confident answers.
// Nor how far the quoted sentence's ranking score stands ahead of the next sentence's (`answerMargin`): fitted -0.62
// beside answerScore's +2.22, it took confident answers from every set (`npm run eval -- --only=qa`, 2026-12-06:
// small corpora 372 → 353, NQ-open 496 → 492 with its unanswerable not confident 96.7 → 95.6 %, the paraphrase set 10
// → 8) and moved the seed set's none.
// Nor whether the best sentence is a line whose label names every term of the question, its value of the kind asked
// for ("Residence Manager: Priya Castellano"): fitted -1.22 (such lines already cover the question and match its
// phrases, which the model rewards), it took the small corpora's check questions from 799 confident answers at 0.894
// to 781 at 0.890 and NQ-open's from 489 to 487 (`npm run eval -- --only=qa`, 2026-12-07).
// Nor the size of the corpus (log of its chunks), which IDF-weighted coverage depends on: fitted +0.79 a decade, it
// took the small corpora's check questions from 243 confident answers to 9, the seed set's from 7 to 0, their few fit
// groups being answered less well than NQ-open's paragraphs, on which the threshold is read.
/** The model's inputs, read from evidence ranked best first (the sentence-level ones from the sentence the answer quotes first); zero when there is none. */
export function decisionFeatures(evidence: SentenceEvidence[], passages: Passage[]): DecisionFeatures {
  const best = bestSentence(evidence);
  return {
    coverage: best?.coverage ?? 0,
    contextCoverage: best?.contextCoverage ?? 0,
    retrievedCoverage: best?.retrievedCoverage ?? 0,
    maxCoverage: evidence.reduce((m, s) => Math.max(m, s.coverage), 0),
    similarity: best?.similarity ?? 0,
    maxSimilarity: evidence.reduce((m, s) => Math.max(m, s.similarity), 0),
    typed: best?.typed ? 1 : 0,
    typeMatch: best?.typed && best.typeMatch ? 1 : 0,
    novelty: best?.novelty ?? 0,
    focus: best?.focus ?? 0,
    // The question's most specific term is missing from the quoted sentence but held by another of its passage: the
    // passage speaks of what was asked, the sentence of something beside it ("the guest Wi-Fi password" for "What
    // is the VPN password?", "Run a backup" for "How do I restore a backup?").
    focusElsewhere: best && best.focus < 1 && evidence.some((s) => s !== best && s.n === best.n && s.focus === 1) ? 1 : 0,
    phraseMatch: best?.phraseMatch ?? 0,
    topScore: passages[0]?.score ?? 0,
    // How far the first passage stands ahead of the second: on NQ-open fit questions, a clear first passage is more often answered right.
    // Not ahead of the next passage that does not repeat the quoted sentence (an overlapping neighbour of the first
    // agrees with it: "Jordan Ellis, Lead Organizer" in the first two, 0.81 and 0.79): refitted (`npm run eval -- --only=qa`,
    // 2026-12-07), the threshold fell (0.7453 → 0.7433) and the answers it added near it were half right: the 50 groups
    // read longest 866 confident at 0.906 → 876 at 0.902 (near-misses confident 56 → 60), the three unseen 40 → 42.
    topMargin: (passages[0]?.score ?? 0) - (passages[1]?.score ?? 0),
    answerScore: best?.score ?? 0,
  };
}

export function assess(evidence: SentenceEvidence[], passages: Passage[], calibration: DecisionCalibration): Assessment {
  const features = decisionFeatures(evidence, passages);
  if (!evidence.length) return { features, relevance: 0, confidence: 0, outcome: "not_found" };
  const relevance = predict(calibration.relevance, features);
  // A line whose label names the whole question and whose value is of the kind asked for ("Parking Coordinator: Marcus
  // Del Rio, extension 4417" for "Who is the parking coordinator?") is answered, whatever the model makes of it: the
  // model, fitted where covering the whole question is common among wrong answers (SQuAD's, NQ-open's), kept such lines
  // at 0.64–0.74, and as its own feature it was fitted a negative weight (above). Measured (`npm run eval -- --only=qa`,
  // stop 63): the read small-corpora groups 1,185 confident answers at 0.915 → 1,194 at 0.915, eight of the nine added
  // right; no other set moved.
  const best = bestSentence(evidence);
  const labelLine = Boolean(best?.labelled) && features.typed === 1 && features.typeMatch === 1;
  const confidence = labelLine ? Math.max(predict(calibration.confidence, features), calibration.answerFrom) : predict(calibration.confidence, features);
  return { features, relevance, confidence, outcome: outcomeOf(relevance, confidence, calibration, holdsKindAsked(features)) };
}

/**
 * The assessment of a question that passages answer by what they are, not by what a sentence says (overview.ts):
 * their openings are what it asks for, so it is `answered`, with full relevance and confidence; the features are
 * still read, for the record.
 */
export function answeredByOpenings(evidence: SentenceEvidence[], passages: Passage[], openings: Passage[]): Assessment {
  return { features: decisionFeatures(evidence, passages), relevance: 1, confidence: 1, outcome: "answered", openings };
}

/**
 * Whether the best sentence has the kind of answer the question asks for (answer-type.ts), or it asks for none. One
 * without it cannot clearly answer — no date for "when", a deputy director for "who is the director" — so its
 * outcome is at most `uncertain`, however confident the model is about the rest.
 */
// Not also "unambiguous": holding a best sentence at most `uncertain` when another document has a sentence as well
// covered, of the same kind, and ranked at least half as high ("When is it open?" over a garden's and a gym's pages)
// demoted 27 of NQ-open's confident check answers, 23 of them right (`npm run eval`, 2026-12-05): on Wikipedia,
// another article saying the same is agreement, not ambiguity. Nor when the best sentence lacks the question's most
// specific term and another sentence of its passage holds it (focusElsewhere): NQ-open lost 12 confident answers, 9 of
// them right, and the small corpora 5, 4 of them right (`npm run eval -- --only=qa`, 2026-12-06). Nor when neither the
// best sentence nor its passage holds that term (focus 0): three confident near-misses of the small corpora fell to
// `uncertain` ("what date is the captioned performance"), but so did two right answers there, four of NQ-open's well
// above the threshold (eight with those at it) and three of SQuAD's ("who plays lois's dad on family guy": the passage
// says "father"; `npm run eval -- --only=qa`, 2026-12-06). Evidence reads the narrower case where the value is another record's (a table's row, a list's item:
// evidence.ts).
export function holdsKindAsked(features: Pick<DecisionFeatures, "typed" | "typeMatch">): boolean {
  return features.typed === 0 || features.typeMatch === 1;
}

export function outcomeOf(relevance: number, confidence: number, calibration: DecisionCalibration, kindHeld = true): AnswerOutcome {
  if (relevance < calibration.notFoundBelow) return "not_found";
  return kindHeld && confidence >= calibration.answerFrom ? "answered" : "uncertain";
}
