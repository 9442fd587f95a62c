/**
 * @module datasets
 * Readers for the public benchmarks in `../shared/bench-data` and the seed QA
 * set. They return plain records; nothing here embeds or scores.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Graded relevance judgements: query id → document id → grade. */
export type Qrels = Map<string, Map<string, number>>;

export interface SciFact {
  documents: { id: string; title: string; text: string }[];
  queries: Map<string, string>;
  train: Qrels;
  test: Qrels;
}

export interface SquadPassage {
  id: string;
  title: string;
  text: string;
}

export interface SquadQuestion {
  id: string;
  question: string;
  passageId: string;
  answers: string[];
  impossible: boolean;
}

export interface Squad {
  passages: SquadPassage[];
  questions: SquadQuestion[];
}

export interface SeedQuestion {
  id: string;
  question: string;
  answerable: boolean;
  answer_keywords?: string[];
  evidence?: string;
}

function jsonLines<T>(text: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** BEIR qrels TSV (header, then query-id, corpus-id, score). */
export function parseQrels(tsv: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of tsv.split("\n").slice(1)) {
    const [query, doc, grade] = line.trim().split("\t");
    if (!query || !doc) continue;
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)!.set(doc, Number(grade));
  }
  return qrels;
}

/** BEIR SciFact; query `metadata` (evidence labels) is deliberately not read. */
export function readSciFact(dir: string): SciFact | undefined {
  if (!existsSync(path.join(dir, "corpus.jsonl.gz"))) return undefined;
  const corpus = zlib.gunzipSync(readFileSync(path.join(dir, "corpus.jsonl.gz"))).toString("utf8");
  const documents = jsonLines<{ _id: string; title: string; text: string }>(corpus).map((d) => ({ id: d._id, title: d.title, text: d.text }));
  const queries = new Map(jsonLines<{ _id: string; text: string }>(readFileSync(path.join(dir, "queries.jsonl"), "utf8")).map((q) => [q._id, q.text]));
  return {
    documents,
    queries,
    train: parseQrels(readFileSync(path.join(dir, "qrels/train.tsv"), "utf8")),
    test: parseQrels(readFileSync(path.join(dir, "qrels/test.tsv"), "utf8")),
  };
}

export function readSquad(dir: string): Squad | undefined {
  if (!existsSync(path.join(dir, "passages.jsonl"))) return undefined;
  const passages = jsonLines<SquadPassage>(readFileSync(path.join(dir, "passages.jsonl"), "utf8"));
  const questions = jsonLines<{ id: string; question: string; passage_id: string; answers: string[]; is_impossible: boolean }>(
    readFileSync(path.join(dir, "questions.jsonl"), "utf8"),
  ).map((q) => ({ id: q.id, question: q.question, passageId: q.passage_id, answers: q.answers, impossible: q.is_impossible }));
  return { passages, questions };
}

export function readSeedQa(file: string): SeedQuestion[] | undefined {
  return existsSync(file) ? jsonLines<SeedQuestion>(readFileSync(file, "utf8")) : undefined;
}

/** What the dense model reads of an abstract: its title, then its text. */
export function sciFactText(doc: { title: string; text: string }): string {
  return doc.title ? `${doc.title}. ${doc.text}` : doc.text;
}
