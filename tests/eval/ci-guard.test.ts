/**
 * The CI guard of answer and retrieval quality: fixed small samples run
 * through the product's own path, exactly as `npm run eval` runs the full
 * sets (documents written as files, indexed by ingest, questions answered by
 * `answerQuestion` with the shipped gate and thresholds). Floors sit a little
 * below what these samples measured with the shipped calibration (printed by
 * the test); the sets written the way people ask are held to the product's own targets.
 * Embeddings come from the eval cache when present and are computed otherwise
 * (about 2,000 texts, a minute or two on 2 cores).
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { type Qrels, readSciFact, type SciFact } from "../../src/eval/datasets.js";
import { cachedEmbedder } from "../../src/embeddings/cached-embedder.js";
import { EmbeddingCache } from "../../src/embeddings/embedding-cache.js";
import { openProduct } from "../../src/eval/product-path.js";
import { askAll, qaMetrics } from "../../src/eval/qa.js";
import { keywordGroups, keywordSet, nqOpenSet, type QaSet } from "../../src/eval/qa-sets.js";
import { evaluateSciFact, sciFactCorpus } from "../../src/eval/scifact.js";
import { seededShuffle } from "../../src/eval/splits.js";
import { makeTempDir, REPO_ROOT, SHARED_DIR } from "../helpers/test-server.js";

const BENCH = path.join(SHARED_DIR, "bench-data");
const scifact = readSciFact(path.join(BENCH, "beir-scifact"));
const nq = nqOpenSet(path.join(BENCH, "nq-open"));
const paraphrase = keywordSet("paraphrase", path.join(REPO_ROOT, "eval/paraphrase-qa.jsonl"), path.join(REPO_ROOT, "corpus"));
const workplace = keywordSet("workplace", path.join(REPO_ROOT, "eval/workplace-qa.jsonl"), path.join(REPO_ROOT, "eval/workplace"));
// A group of the small corpora that no change was looked into for (eval/small-corpora/README.md): a swim school, car hire, a village hall, a VPN guide.
const smallCorpus = keywordGroups("small-corpora", path.join(REPO_ROOT, "eval/small-corpora/questions.jsonl"), path.join(REPO_ROOT, "eval/small-corpora/docs")).find(
  (set) => set.group === "h",
);
if (!scifact || !nq) console.warn(`skipping the quality CI guard: benchmark data is absent from ${BENCH}`);

const SEED = 11;

/**
 * The sets written the way people ask, never fitted on, each with near-misses that were once answered confidently and
 * wrongly: the issue's own example (the only Director-General in corpus/ heads a museum), a sum of money for "how
 * many", a sentence naming no sum for "what is the salary".
 */
const USER_SETS = [
  { set: paraphrase!, goldInAnswerFloor: 0.84, notConfident: ["Who is the Director-General of UNESCO?"] },
  { set: workplace!, goldInAnswerFloor: 0.8, notConfident: ["How many offices does Northwind have?", "What is the salary of a manager?"] },
  { set: smallCorpus!, goldInAnswerFloor: 0.8, notConfident: [] },
];

/** 40 answerable and 15 unanswerable NQ-open check questions, the gold passages of the first and 120 others, all fixed by seed. */
function nqSample(set: QaSet): QaSet {
  const documents = "documents" in set.corpus ? set.corpus.documents : [];
  const check = set.questions.filter((q) => q.split === "check");
  const answerable = seededShuffle(check.filter((q) => q.answerable), SEED).slice(0, 40);
  const unanswerable = seededShuffle(check.filter((q) => !q.answerable), SEED).slice(0, 15);
  const gold = new Set(answerable.map((q) => q.goldSource));
  const isGold = (id: string) => gold.has(`${id}.md`);
  const others = seededShuffle(documents.filter((d) => !isGold(d.id)), SEED).slice(0, 120);
  return { name: "nq-guard", corpus: { documents: [...documents.filter((d) => isGold(d.id)), ...others] }, questions: [...answerable, ...unanswerable] };
}

/** 20 test queries, their relevant abstracts and 150 other abstracts, all fixed by seed. */
function sciFactSample(data: SciFact): SciFact {
  const queries = seededShuffle([...data.test.keys()].sort(), SEED).slice(0, 20);
  const test: Qrels = new Map(queries.map((q) => [q, data.test.get(q)!]));
  const relevant = new Set(queries.flatMap((q) => [...data.test.get(q)!.keys()]));
  const distractors = seededShuffle(data.documents.filter((d) => !relevant.has(d.id)), SEED).slice(0, 150);
  return { ...data, documents: [...data.documents.filter((d) => relevant.has(d.id)), ...distractors], test };
}

describe.skipIf(!scifact || !nq)("answer and retrieval quality guard (fixed samples through the product)", () => {
  let base: Embedder;
  let embedder: Embedder;
  let workDir: string;
  beforeAll(async () => {
    base = await createLocalUseEmbedder({ workers: availableParallelism() });
    embedder = cachedEmbedder(base, await EmbeddingCache.open(path.join(REPO_ROOT, ".cache/eval-embeddings"), base));
    workDir = await makeTempDir("rag-guard-");
  });
  afterAll(() => base?.close?.());

  it("When the NQ-open sample is asked, Then answers are found, rarely declined wrongly, and confident answers are mostly right", async () => {
    const sample = nqSample(nq!);
    const services = await openProduct(sample, { workDir, embedder });
    try {
      const m = qaMetrics(await askAll(services, sample.questions));
      console.info(`CI guard NQ-open sample: ${JSON.stringify(m)}`);
      expect(m.hitAtK).toBeGreaterThanOrEqual(FLOORS.nqHit5);
      expect(m.goldInAnswer).toBeGreaterThanOrEqual(FLOORS.nqGoldInAnswer);
      expect(m.wronglyNotFound).toBeLessThanOrEqual(FLOORS.nqWronglyNotFound);
      // On this small index the confidence rarely reaches the threshold; precision is judged when there are answers to judge.
      if (m.answered >= 5) expect(m.confidentPrecision).toBeGreaterThanOrEqual(FLOORS.nqConfidentPrecision);
      expect(m.unanswerableNotConfident).toBeGreaterThanOrEqual(FLOORS.nqUnanswerableNotConfident);
      expect(m.gatePassed).toBeGreaterThanOrEqual(0.98);
      expect(m.outcomes.uncertain).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  }, 300_000);

  it.each(USER_SETS)(
    "When the questions of the $set.name set, written the way people ask and with near-misses, are asked, Then the answers hold the keyword and near-misses are not answered confidently",
    async ({ set, goldInAnswerFloor, notConfident }) => {
      const services = await openProduct(set, { workDir, embedder });
      try {
        const outcomes = await askAll(services, set.questions);
        const m = qaMetrics(outcomes);
        const nearMisses = outcomes.filter((o) => o.kind === "near-miss");
        console.info(`CI guard ${set.name} set: ${JSON.stringify(m)}`);
        expect(m.goldInAnswer).toBeGreaterThanOrEqual(goldInAnswerFloor);
        expect(nearMisses.filter((o) => o.outcome !== "answered").length / nearMisses.length).toBeGreaterThanOrEqual(0.8);
        for (const question of notConfident) expect(outcomes.find((o) => o.question === question)?.outcome, question).toMatch(/^(uncertain|not_found)$/);
        expect(m.gatePassed).toBeGreaterThanOrEqual(0.98);
      } finally {
        await services.close();
      }
    },
    300_000,
  );

  it("When the SciFact sample is searched through the product's chunking, Then hybrid nDCG@10 stays above its floor and not below keyword-only", async () => {
    const sample = sciFactSample(scifact!);
    const services = await openProduct(sciFactCorpus(sample), { workDir, embedder });
    try {
      const { test } = await evaluateSciFact(sample, services);
      console.info(`CI guard SciFact sample: keyword nDCG@10 ${test.keyword.ndcg10.toFixed(3)}, hybrid ${test.hybrid.ndcg10.toFixed(3)}`);
      expect(test.hybrid.ndcg10).toBeGreaterThanOrEqual(FLOORS.scifactHybridNdcg10);
      expect(test.hybrid.ndcg10).toBeGreaterThanOrEqual(test.keyword.ndcg10 - 0.01);
    } finally {
      await services.close();
    }
  }, 300_000);
});

/**
 * A little below what these samples measured with the shipped calibration (the
 * tests print the measured values): NQ-open sample hit@5 0.975, gold in answer
 * 0.75, none wrongly not_found, every unanswerable one not answered
 * confidently, 21 confident answers 0.905 right; paraphrase set gold keyword
 * in answer 0.906, workplace set 0.844 and the small corpora's group h 0.85
 * (floors in USER_SETS); SciFact
 * sample hybrid nDCG@10 0.921.
 */
const FLOORS = {
  nqHit5: 0.9,
  nqGoldInAnswer: 0.65,
  nqWronglyNotFound: 0.08,
  nqConfidentPrecision: 0.75,
  nqUnanswerableNotConfident: 0.6,
  scifactHybridNdcg10: 0.85,
};
