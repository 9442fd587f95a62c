/**
 * @module qa
 * Question answering as users get it, measured: every question goes through
 * `answerQuestion`'s two steps (weighQuestion, answerWeighed) with the
 * production services, and the outcome is judged
 * against the set's gold answers. Also the two fits behind the answer
 * decision (decision.ts), made on `fit` questions only: the relevance gate
 * (recall-first) and the answer confidence with its threshold (a
 * risk–coverage choice).
 */
import { answerWeighed, weighQuestion } from "../answer/ask.js";
import { DECISION_FEATURES, type DecisionCalibration, type DecisionFeatures, decisionFeatures, holdsKindAsked, type LogisticModel } from "../answer/decision.js";
import { type RankingModel, rankEvidence, type SentenceEvidence, sentenceFeatures } from "../answer/evidence.js";
import { extractiveDraft } from "../answer/extractive.js";
import { predict, sigmoid } from "../answer/logistic-model.js";
import type { AnswerOutcome, Passage } from "../answer/types.js";
import { type DecisionFeature, RELEVANCE_FEATURES, SENTENCE_FEATURES, type SentenceFeature } from "../core/answer-calibration.js";
import type { Services } from "../services.js";
import { fitLogistic } from "./logistic.js";
import type { QaQuestion } from "./qa-sets.js";
import type { Progress } from "./scifact.js";

/** SQuAD-style normalisation (NFKC, lower case, accents, punctuation and articles dropped, spaces collapsed). */
export function normalizeAnswer(text: string): string {
  return text
    .normalize("NFKC")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\[\d+\]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the answer holds any gold answer as whole words. */
export function holdsGoldAnswer(answer: string, golds: string[]): boolean {
  const haystack = ` ${normalizeAnswer(answer)} `;
  return golds.some((gold) => {
    const needle = normalizeAnswer(gold);
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}

interface RetrievedPassage {
  source: string;
  text: string;
}

/**
 * The gold passage is among those retrieved: by document when the set names it, else by its evidence text, else (a
 * set giving only answer keywords) by a passage holding a gold answer.
 */
export function goldRetrieved(question: QaQuestion, passages: RetrievedPassage[]): boolean {
  if (question.goldSource) return passages.some((p) => p.source === question.goldSource);
  if (question.evidence) return passages.some((p) => p.text.includes(question.evidence!));
  return question.answerable && passages.some((p) => holdsGoldAnswer(p.text, question.answers));
}

export interface QaOutcome {
  id: string;
  question: string;
  split: QaQuestion["split"];
  kind?: string;
  answerable: boolean;
  outcome: AnswerOutcome;
  confidence: number;
  goldRetrieved: boolean;
  /** An answerable question whose answer (whatever its outcome) holds a gold answer. */
  goldInAnswer: boolean;
  /**
   * Whether the answer a lower threshold would give confidently holds a gold answer: an `uncertain` answer quotes more
   * than a confident one does from the same evidence (closer runners-up, the sentence closest in meaning), and the
   * risk–coverage curve and the answers at other thresholds judge each answer as it would be given there.
   */
  goldIfConfident: boolean;
  /** The evidence text is in a cited passage (sets that give evidence). */
  evidenceCited: boolean;
  answer: string;
}

export async function askAll(services: Services, questions: QaQuestion[], progress?: Progress): Promise<QaOutcome[]> {
  const out: QaOutcome[] = [];
  for (const q of questions) {
    // As answerQuestion answers it, with the evidence kept for the answer a confident outcome would have quoted.
    const prepared = await weighQuestion({ question: q.question }, services.ask);
    const result = await answerWeighed(prepared, services.ask);
    const goldInAnswer = q.answerable && result.outcome !== "not_found" && holdsGoldAnswer(result.answer, q.answers);
    out.push({
      id: q.id,
      question: q.question,
      split: q.split,
      kind: q.kind,
      answerable: q.answerable,
      outcome: result.outcome,
      confidence: result.confidence,
      goldRetrieved: goldRetrieved(q, [...result.citations, ...result.context]),
      goldInAnswer,
      goldIfConfident:
        result.outcome === "uncertain" ? q.answerable && holdsGoldAnswer(extractiveDraft(q.question, prepared.evidence, false, "extractive").answer, q.answers) : goldInAnswer,
      evidenceCited: q.evidence !== undefined && result.citations.some((c) => c.text.includes(q.evidence!)),
      answer: result.answer,
    });
    progress?.(out.length, questions.length);
  }
  return out;
}

export interface QaMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose gold passage is in the top k retrieved. */
  hitAtK: number;
  /** Answerable questions whose answer holds a gold answer (any outcome but not_found). */
  goldInAnswer: number;
  /** Answerable questions answered not_found. */
  wronglyNotFound: number;
  /** Right answers among `answered` ones; an answered unanswerable question is wrong. */
  confidentPrecision: number;
  answered: number;
  /** Unanswerable questions not answered confidently (uncertain or not_found). */
  unanswerableNotConfident: number;
  /** Answerable questions whose gold passage was retrieved that passed the gate (would reach a chat model). */
  gatePassed: number;
  outcomes: Record<AnswerOutcome, number>;
}

const share = <T>(list: T[], test: (x: T) => boolean) => (list.length ? list.filter(test).length / list.length : 0);

export function qaMetrics(outcomes: QaOutcome[]): QaMetrics {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const answered = outcomes.filter((o) => o.outcome === "answered");
  const count = (outcome: AnswerOutcome) => outcomes.filter((o) => o.outcome === outcome).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAtK: share(answerable, (o) => o.goldRetrieved),
    goldInAnswer: share(answerable, (o) => o.goldInAnswer),
    wronglyNotFound: share(answerable, (o) => o.outcome === "not_found"),
    confidentPrecision: share(answered, (o) => o.goldInAnswer),
    answered: answered.length,
    unanswerableNotConfident: share(unanswerable, (o) => o.outcome !== "answered"),
    gatePassed: share(answerable.filter((o) => o.goldRetrieved), (o) => o.outcome !== "not_found"),
    outcomes: { answered: count("answered"), uncertain: count("uncertain"), not_found: count("not_found") },
  };
}

/**
 * What a set's answers would be at another answer threshold: how many confident, how precise, and the share of
 * unanswerable questions not answered confidently. Counted as the risk–coverage curve counts them, by confidence
 * alone: the rule that a best sentence without the kind of answer asked for is at most `uncertain` is left out.
 */
export function atThreshold(outcomes: QaOutcome[], threshold: number): { answered: number; precision: number; unanswerableNotConfident: number } {
  const confident = outcomes.filter((o) => o.outcome !== "not_found" && o.confidence >= threshold);
  return {
    answered: confident.length,
    precision: share(confident, (o) => o.goldIfConfident),
    unanswerableNotConfident: share(outcomes.filter((o) => !o.answerable), (o) => !confident.includes(o)),
  };
}

/** Risk (1 − precision of confident answers) against coverage (share of all questions answered confidently), over the answer threshold. */
export function riskCoverage(outcomes: QaOutcome[]): { threshold: number; coverage: number; risk: number }[] {
  const candidates = outcomes.filter((o) => o.outcome !== "not_found").sort((a, b) => b.confidence - a.confidence);
  const curve: { threshold: number; coverage: number; risk: number }[] = [];
  let right = 0;
  candidates.forEach((o, i) => {
    if (o.goldIfConfident) right++;
    const next = candidates[i + 1];
    if (next && next.confidence === o.confidence) return;
    curve.push({ threshold: o.confidence, coverage: (i + 1) / outcomes.length, risk: 1 - right / (i + 1) });
  });
  return curve;
}

/** One fit question as weighed by the product: its passages and evidence, with what would count as right. */
export interface FitQuestion {
  /** The set the question comes from. */
  set: string;
  question: string;
  answerable: boolean;
  answers: string[];
  goldRetrieved: boolean;
  passages: Passage[];
  evidence: SentenceEvidence[];
}

export async function fitQuestions(set: string, services: Services, questions: QaQuestion[], progress?: Progress): Promise<FitQuestion[]> {
  const out: FitQuestion[] = [];
  for (const q of questions) {
    const prepared = await weighQuestion({ question: q.question }, services.ask);
    out.push({
      set,
      question: q.question,
      answerable: q.answerable,
      answers: q.answers,
      goldRetrieved: goldRetrieved(q, [...prepared.passages, ...prepared.leftOut].map((p) => p.chunk)),
      passages: prepared.passages,
      evidence: prepared.evidence,
    });
    progress?.(out.length, questions.length);
  }
  return out;
}

/**
 * The sentence ranking: a logistic model of whether a sentence holds a gold
 * answer, fitted on every sentence retrieved for the answerable questions
 * whose gold answer is in some retrieved sentence (the others teach nothing
 * about which sentence to pick).
 */
export function fitRanking(questions: FitQuestion[]): RankingModel {
  const rows: Record<SentenceFeature, number>[] = [];
  const labels: boolean[] = [];
  for (const q of questions) {
    if (!q.answerable) continue;
    const holds = q.evidence.map((s) => holdsGoldAnswer(s.text, q.answers));
    if (!holds.some(Boolean)) continue;
    rows.push(...q.evidence.map(sentenceFeatures));
    labels.push(...holds);
  }
  if (!rows.length) throw new Error("no fit question has a gold answer in a retrieved sentence: nothing to fit the sentence ranking on");
  // Tens of thousands of sentences: fewer passes than the decision's few thousand questions need.
  return fitModel(SENTENCE_FEATURES, rows, labels, 1500);
}

/** One fit question as the decision sees it under a ranking, with what its extractive answer got right. */
export interface FitSample {
  set: string;
  features: DecisionFeatures;
  answerable: boolean;
  goldRetrieved: boolean;
  goldInAnswer: boolean;
}

export function fitSamples(questions: FitQuestion[], ranking: RankingModel): FitSample[] {
  return questions.map((q) => {
    const evidence = rankEvidence(q.evidence, ranking);
    const draft = extractiveDraft(q.question, evidence, false, "extractive");
    return {
      set: q.set,
      features: decisionFeatures(evidence, q.passages),
      answerable: q.answerable,
      goldRetrieved: q.goldRetrieved,
      goldInAnswer: q.answerable && !draft.abstained && holdsGoldAnswer(draft.answer, q.answers),
    };
  });
}

export interface DecisionTargets {
  /** Share of answerable fit questions with their passage retrieved that the gate must let through. */
  gateRecall: number;
  /** How often a confident answer must be right, answer by answer: the threshold is the lowest confidence from which fit answers scored alike are right this often (answerThreshold). */
  answerPrecision: number;
  /** The sets whose fit questions choose the answer threshold (the models are fitted on all). */
  thresholdSets: string[];
}

/**
 * A logistic model over named features, its weights rounded for calibration.json. Logistic, not a tree ensemble: a
 * gradient-boosted ensemble (100–200 trees of depth 2–3) over the same decision features was no better on held-out
 * questions (NQ-open check AUC 0.734–0.740 against 0.750, cross-fitted fit AUC at most 0.781 against 0.780); what the
 * features say limits the decision, not the shape of the model.
 *
 * Nor otherwise regularised (`npm run eval -- --only=qa`, 2026-12-06, every model refitted). An L2 penalty of 0.1:
 * the small corpora's check questions went from 201 confident answers at 0.851 to 216 at 0.829, NQ-open's from 503 at
 * 0.889 to 505 at 0.877. Of 0.001: 203 at 0.847 and 484 at 0.886. (How much each fit set weighs: FIT_SETS in
 * scripts/eval.ts.)
 */
function fitModel<Feature extends string>(names: readonly Feature[], rows: Record<Feature, number>[], labels: boolean[], iterations = 3000): LogisticModel<Feature> {
  const fit = fitLogistic(rows.map((row) => names.map((f) => row[f])), labels, { l2: 1e-2, iterations });
  return { intercept: round(fit.intercept), weights: Object.fromEntries(names.map((f, i) => [f, round(fit.weights[i]!)])) as Partial<Record<Feature, number>> };
}

function logisticModel(names: readonly DecisionFeature[], samples: FitSample[], label: (s: FitSample) => boolean): LogisticModel {
  return fitModel(names, samples.map((s) => s.features), samples.map(label));
}

/**
 * The relevance gate: fitted on answerable questions whose passage was
 * retrieved (should pass) against unanswerable ones (should not); its
 * threshold lets `gateRecall` of the first through. The confidence: fitted on
 * whether the extractive answer held a gold answer; its threshold is the lowest
 * confidence of the answers among `judged` from which a curve fitted to them
 * says an answer is `answerPrecision` right (answerThreshold). `judged`
 * defaults to the samples as these models score them; `crossFitted` gives
 * scores from models that never saw the question.
 */
export function fitDecision(samples: FitSample[], targets: DecisionTargets, judged?: JudgedAnswer[]): DecisionCalibration {
  const models = fitDecisionModels(samples, targets);
  const answerFrom = answerThreshold(judged ?? judge(samples, models, targets), targets);
  return { ...models, answerFrom: round(answerFrom, 6) };
}

/**
 * The gate and confidence models and the gate's threshold: all of the decision but the answer threshold. The confidence
 * is fitted on every fit set, SQuAD's near-misses included, though the threshold is read on NQ-open's alone: fitted on
 * NQ-open's only (`npm run eval`, 2026-12-05), its threshold rose to 0.853, the paraphrase set's confident answers fell
 * from 11 to 6 (all right either way), NQ-open's check went from 461 at 0.885 to 469 at 0.887, and SQuAD's
 * unanswerable questions not answered confidently from 76 % to 61 %.
 */
function fitDecisionModels(samples: FitSample[], targets: DecisionTargets): Omit<DecisionCalibration, "answerFrom"> {
  const gateSamples = samples.filter((s) => !s.answerable || s.goldRetrieved);
  const relevance = logisticModel(RELEVANCE_FEATURES, gateSamples, (s) => s.answerable);
  const passing = samples
    .filter((s) => s.answerable && s.goldRetrieved)
    .map((s) => predict(relevance, s.features))
    .sort((a, b) => a - b);
  const notFoundBelow = passing.length ? passing[Math.floor((1 - targets.gateRecall) * passing.length)]! * (1 - 1e-6) : 0;
  const confidence = logisticModel(DECISION_FEATURES, samples, (s) => s.goldInAnswer);
  return { relevance, confidence, notFoundBelow: round(notFoundBelow, 6) };
}

/** A fit question's extractive answer as a decision scored it: its confidence, and whether it held a gold answer. */
export interface JudgedAnswer {
  score: number;
  right: boolean;
}

/** The samples of the threshold sets that could be answered confidently (they pass the gate and hold the kind of answer asked for), scored by `decision`'s confidence. */
function judge(samples: FitSample[], decision: Pick<DecisionCalibration, "relevance" | "confidence" | "notFoundBelow">, targets: DecisionTargets): JudgedAnswer[] {
  return samples
    .filter((s) => targets.thresholdSets.includes(s.set) && predict(decision.relevance, s.features) >= decision.notFoundBelow && holdsKindAsked(s.features))
    .map((s) => ({ score: predict(decision.confidence, s.features), right: s.goldInAnswer }));
}

/**
 * Cross-fitting: each fit question scored by a ranking and decision fitted on
 * the other folds (every `folds`-th question a fold). On the questions a model
 * was fitted on it looks more precise than it is; these scores are as honest as
 * held-out ones, and every fit question still counts for the threshold. The
 * threshold chosen on them is applied to the model fitted on all questions:
 * the same features, four fifths of the data, so the same scale of scores.
 */
export function crossFitted(questions: FitQuestion[], targets: DecisionTargets, folds = 5): JudgedAnswer[] {
  const judged: JudgedAnswer[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = questions.filter((_, i) => i % folds !== fold);
    const ranking = fitRanking(train);
    // Only the models: each fold's own answer threshold would go unused.
    const decision = fitDecisionModels(fitSamples(train, ranking), targets);
    judged.push(...judge(fitSamples(questions.filter((_, i) => i % folds === fold), ranking), decision, targets));
  }
  return judged;
}

/**
 * The lowest confidence from which answers are `answerPrecision` right answer by answer, not on average: how often an
 * answer is right is read as a smooth function of its confidence, a logistic curve over the confidence's logit fitted
 * to the fit answers (Platt's calibration), and the threshold is the lowest fit confidence where that curve reaches
 * the bar. 1 when none does.
 *
 * Why not the average: on NQ-open the cross-fitted precision has long flat runs, and the lowest threshold whose
 * answers above it were 85 % right on average (by a Wilson lower bound) fell anywhere on one: at 0.797 with stop 28's
 * answers, at 0.685 once an answer also quoted the sentence a pronoun points back to (confident answers to NQ-open's
 * check questions 137 → 518, their precision 0.898 → 0.834, and "Who is the Director-General of UNESCO?" answered
 * with the Hungarian National Museum's Director-General).
 *
 * Why a curve of two parameters and not the answers' own steps (isotonic regression, used before): answer by answer,
 * a run of answers is in or out as a whole, so the threshold jumped when one answer lifted or sank a run past the bar
 * (a run of 229 answers went from 0.864 to 0.882 right when sentences stopped ending at initials, and the threshold
 * from 0.812 to 0.747). Its median over 401 bootstrap resamples still jumped with a refit: 0.729 → 0.784 when WordNet
 * derivations were added, though at fixed thresholds the check sets' answers were about the same. On the same
 * cross-fitted answers this curve gives 0.772 and 0.773, and 0.782 for both of two earlier sets of answers on which
 * the isotonic rule gave 0.759 and 0.740 (`npm run eval`, 2026-12-05).
 */
export function answerThreshold(judged: JudgedAnswer[], targets: Pick<DecisionTargets, "answerPrecision">): number {
  if (!judged.length) return 1;
  const fit = fitLogistic(
    judged.map((a) => [logit(a.score)]),
    judged.map((a) => a.right),
    { l2: 0 },
  );
  const rightness = (score: number) => sigmoid(fit.intercept + fit.weights[0]! * logit(score));
  return judged.map((a) => a.score).sort((a, b) => a - b).find((score) => rightness(score) >= targets.answerPrecision) ?? 1;
}

/** The log-odds of a confidence, kept off 0 and 1, where they are infinite. */
function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
}

function round(x: number, digits = 4): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
