/**
 * @module qa-sets
 * The question sets the answer decision is fitted and judged on, in one shape:
 * documents (a folder, or records written out as Markdown files), questions
 * with gold answers (any one string counts) and, where known, the gold
 * document or the exact evidence a retrieved passage must contain.
 *
 * - seed: the founding document's own questions (../shared/eval).
 * - paraphrase: questions written the way visitors ask about corpus/, with
 *   near-misses (eval/paraphrase-qa.jsonl); never used for fitting.
 * - workplace: the same over three documents of another kind (eval/workplace/,
 *   eval/workplace-qa.jsonl); never used for fitting.
 * - small-corpora: groups of four documents of the kinds organisations
 *   publish, each indexed on its own, with 40 questions as users type them and
 *   20 near-misses (eval/small-corpora/); fit or check by group.
 * - nq-open: real search queries over their Wikipedia paragraphs, fit/check.
 * - squad: SQuAD 2.0 dev articles, split into fit/check articles by a fixed
 *   seed; its `is_impossible` questions are the unanswerable ones.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readSquad } from "./datasets.js";
import { SPLIT_SEED, seededShuffle, splitArticles } from "./splits.js";

export type Split = "fit" | "check";

export interface QaQuestion {
  id: string;
  question: string;
  answerable: boolean;
  /** Gold answers; an answer holding any one of them is right. */
  answers: string[];
  /** The corpus path of the gold document, when the set names one. */
  goldSource?: string;
  /** Text a retrieved passage must contain to count as the gold passage, when the set gives it. */
  evidence?: string;
  split: Split;
  /** A label of the set's own (e.g. paraphrase, near-miss). */
  kind?: string;
}

export interface EvalDocument {
  id: string;
  title: string;
  text: string;
}

export interface QaSet {
  name: string;
  /** A part of the set with a corpus of its own (eval/small-corpora's groups), measured with the other parts under the set's name. */
  group?: string;
  /** A corpus folder as users have it, or records to write out as one Markdown file each. */
  corpus: { dir: string } | { documents: EvalDocument[] };
  questions: QaQuestion[];
}

function jsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The file name a record is written to, so that a question's gold document is known by its corpus path. */
export function documentFile(id: string): string {
  return `${id.replace(/[^\w.-]+/g, "_")}.md`;
}

interface KeywordQuestion {
  id: string;
  question: string;
  answerable: boolean;
  answer_keywords?: string[];
  evidence?: string;
  kind?: string;
  split?: Split;
}

/** Seed-QA-shaped questions (answer keywords, evidence) about a corpus folder; check questions unless a line says `fit`. */
export function keywordSet(name: string, file: string, corpusDir: string): QaSet | undefined {
  if (!existsSync(file)) return undefined;
  const questions = jsonLines<KeywordQuestion>(file).map(
    (q): QaQuestion => ({
      id: q.id,
      question: q.question,
      answerable: q.answerable,
      answers: q.answer_keywords ?? [],
      evidence: q.evidence,
      split: q.split ?? "check",
      kind: q.kind ?? (q.answerable ? "answerable" : "unanswerable"),
    }),
  );
  return { name, corpus: { dir: corpusDir }, questions };
}

/**
 * Groups of documents, each a folder of `dir` searched on its own as a user's corpus would be, with their questions in
 * one file (ids "<group>-…"): one set per group, all named `name`. Indexed together, a near-miss of one group was
 * answered from another's documents ("what day of the month is the direct debit taken" by a gym's terms).
 */
export function keywordGroups(name: string, file: string, dir: string): QaSet[] {
  const all = keywordSet(name, file, dir);
  if (!all) return [];
  const groups = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return groups.map((group) => ({ name, group, corpus: { dir: path.join(dir, group) }, questions: all.questions.filter((q) => q.id.startsWith(`${group}-`)) }));
}

export function nqOpenSet(dir: string): QaSet | undefined {
  if (!existsSync(path.join(dir, "passages.jsonl"))) return undefined;
  const documents = jsonLines<EvalDocument>(path.join(dir, "passages.jsonl"));
  const questions = jsonLines<{ id: string; question: string; answers: string[]; answerable: boolean; passage_id: string | null; split: Split }>(
    path.join(dir, "questions.jsonl"),
  ).map(
    (q): QaQuestion => ({
      id: q.id,
      question: q.question,
      answerable: q.answerable,
      answers: q.answers,
      ...(q.passage_id && { goldSource: documentFile(q.passage_id) }),
      split: q.split,
    }),
  );
  return { name: "nq-open", corpus: { documents }, questions };
}

/** Every SQuAD paragraph is indexed; questions are fit or check by their article. */
export function squadSet(dir: string): QaSet | undefined {
  const squad = readSquad(dir);
  if (!squad) return undefined;
  // The same fixed-seed article split as before; both of its halves are indexed now.
  const { fit } = splitArticles(squad.passages.map((p) => p.title));
  const articleOf = (passageId: string) => passageId.slice(0, passageId.lastIndexOf("#"));
  const documents = squad.passages.map((p) => ({ id: p.id, title: p.title.replace(/_/g, " "), text: p.text }));
  const questions = squad.questions.map(
    (q): QaQuestion => ({
      id: q.id,
      question: q.question,
      answerable: !q.impossible,
      answers: q.impossible ? [] : q.answers,
      ...(!q.impossible && { goldSource: documentFile(q.passageId) }),
      split: fit.has(articleOf(q.passageId)) ? "fit" : "check",
      kind: q.impossible ? "is_impossible" : "answerable",
    }),
  );
  return { name: "squad", corpus: { documents }, questions };
}

/** At most `perSplit` questions of each split, chosen by a fixed seed, in their original order: bounds the time a large set takes. */
export function sampleQuestions(set: QaSet, perSplit: number, seed = SPLIT_SEED): QaSet {
  const kept = new Set(
    (["fit", "check"] as const).flatMap((split) => seededShuffle(set.questions.filter((q) => q.split === split), seed).slice(0, perSplit)),
  );
  return { ...set, questions: set.questions.filter((q) => kept.has(q)) };
}
