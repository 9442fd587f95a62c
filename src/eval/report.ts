/**
 * @module report
 * Renders the evaluation results as docs/EVAL.md: one table per benchmark,
 * each figure with the embedder, the mode and the command that produced it.
 */
import type { SciFactReport } from "./scifact.js";
import type { SeedReport } from "./seed.js";
import { ABSTAIN_RECALL_TARGET, type SquadReport } from "./squad.js";

export interface EvalResults {
  command: string;
  generatedAt: string;
  embedder: string;
  durationSeconds: number;
  seed?: SeedReport;
  scifact?: SciFactReport;
  squad?: SquadReport;
  calibration?: Record<string, unknown>;
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function seedSection(r: SeedReport): string[] {
  const misses = r.outcomes.filter((o) => (o.answerable ? o.abstained || o.evidenceAt < 1 || o.evidenceAt > 3 : !o.abstained));
  return [
    "## Seed QA (`../shared/eval/seed-qa.jsonl`, repository `corpus/`)",
    "",
    "Offline extractive answerer, hybrid retrieval, k = 5.",
    "",
    "| Metric | Value |",
    "| --- | ---: |",
    `| Evidence in first cited passage (hit@1) | ${pct(r.hitAt1)} (${Math.round(r.hitAt1 * r.answerable)}/${r.answerable}) |`,
    `| Evidence in first 3 cited passages (hit@3) | ${pct(r.hitAt3)} (${Math.round(r.hitAt3 * r.answerable)}/${r.answerable}) |`,
    `| Answers containing an expected keyword | ${pct(r.keywordRate)} (${Math.round(r.keywordRate * r.answerable)}/${r.answerable}) |`,
    `| Answerable questions answered | ${r.answeredAnswerable}/${r.answerable} |`,
    `| Unanswerable questions abstained | ${r.abstainedUnanswerable}/${r.unanswerable} |`,
    "",
    misses.length ? `Misses: ${misses.map((o) => `${o.id} (confidence ${f3(o.confidence)})`).join(", ")}.` : "No misses.",
    "",
  ];
}

function sciFactSection(r: SciFactReport): string[] {
  const t = r.test;
  return [
    "## BEIR SciFact (test split: 300 queries, 5,183 abstracts)",
    "",
    "Standard nDCG@10 (graded qrels, linear gain, log2 discount) and recall@100. One chunk per abstract; the title is the boosted",
    `heading field of BM25 and is prefixed to the text that is embedded. Settings were chosen on \`qrels/train.tsv\` (809 queries) only.`,
    "",
    "| Mode | nDCG@10 | recall@100 |",
    "| --- | ---: | ---: |",
    `| dense (${r.embedder}) | ${f3(t.dense.ndcg10)} | ${f3(t.dense.recall100)} |`,
    `| keyword (BM25 k1=${r.chosen.bm25.k1}, b=${r.chosen.bm25.b}, title boost ${r.chosen.bm25.headingBoost}, Porter stems) | ${f3(t.keyword.ndcg10)} | ${f3(t.keyword.recall100)} |`,
    `| **hybrid** (${r.chosen.fusion === "rrf" ? "RRF k=60" : `weighted, dense weight ${r.chosen.denseWeight}`}) | **${f3(t.hybrid.ndcg10)}** | ${f3(t.hybrid.recall100)} |`,
    `| hybrid, RRF k=60 (for comparison) | ${f3(t.hybridRrf.ndcg10)} | ${f3(t.hybridRrf.recall100)} |`,
    "",
    "Published: BM25 0.665 (BEIR paper), all-MiniLM-L6-v2 0.645, e5-small-v2 0.689, bge-small-en-v1.5 0.713 (see `../shared/bench-data/beir-scifact/BASELINES.md`).",
    "",
    "What was tried, on train (nDCG@10):",
    "",
    "| BM25 setting | train nDCG@10 |",
    "| --- | ---: |",
    ...r.bm25Tried.map((b) => `| k1=${b.params.k1}, b=${b.params.b}, title boost ${b.params.headingBoost} | ${f3(b.trainNdcg10)} |`),
    "",
    "The dense weight is chosen by the mean of SciFact train nDCG@10 and SQuAD recall@5 on the fit articles, so that it suits technical and general text.",
    "",
    "| Fusion | SciFact train nDCG@10 | SQuAD fit recall@5 |",
    "| --- | ---: | ---: |",
    ...r.weightsTried.map(
      (w) => `| weighted, dense weight ${w.denseWeight}${w.denseWeight === 0 ? " (keyword only)" : ""} | ${f3(w.trainNdcg10)} | ${w.otherTrainScore === undefined ? "–" : f3(w.otherTrainScore)} |`,
    ),
    `| RRF k=60 | ${f3(r.rrfTrainNdcg10)} | – |`,
    "",
  ];
}

function abstentionRow(label: string, a: SquadReport["abstention"]["all"]): string {
  return `| ${label} | ${a.questions} | ${f3(a.precision)} | ${f3(a.recall)} | ${f3(a.auroc)} |`;
}

function squadSection(r: SquadReport): string[] {
  return [
    "## SQuAD 2.0 dev subset (16 articles, 646 paragraphs)",
    "",
    "Paragraphs are chunked like any document; hybrid retrieval, k = 5.",
    "",
    "| Metric (answerable questions, all 16 articles indexed) | Value |",
    "| --- | ---: |",
    `| Gold paragraph recall@1 | ${f3(r.recall.at1)} |`,
    `| Gold paragraph recall@5 | ${f3(r.recall.at5)} |`,
    `| Extractive answer's first sentence holds a gold answer (fit / check articles) | ${f3(r.answerSentence.fit)} / ${f3(r.answerSentence.check)} |`,
    `| Questions | ${r.recall.questions} |`,
    "",
    `**Abstention.** Only ${r.split.indexed.length} of 16 articles are indexed (seed ${r.split.seed}: ${r.split.indexed.join(", ")}). Questions about the other articles must be`,
    "abstained, answerable questions about indexed ones answered. The confidence model and threshold were fitted on the questions of the",
    `\"fit\" articles (${r.split.fit.join(", ")}) and are checked on the others. Abstaining is the positive class; AUROC is of the confidence score for "answerable".`,
    "",
    "| Questions | n | abstention precision | abstention recall | AUROC |",
    "| --- | ---: | ---: | ---: | ---: |",
    abstentionRow("check articles (held out from fitting)", r.abstention.check),
    abstentionRow("fit articles", r.abstention.fit),
    abstentionRow("all", r.abstention.all),
    "",
    `SQuAD's own \`is_impossible\` questions about indexed articles (written to look answerable from the same paragraph): ${pct(r.impossibleAbstained.rate)} of ${r.impossibleAbstained.questions} abstained.`,
    "",
    `Threshold ${f3(r.abstainThreshold)}: the lowest that abstains on at least ${Math.round(ABSTAIN_RECALL_TARGET * 100)}% of the fit articles' out-of-corpus questions. Sentence ranking weights ${JSON.stringify(r.ranking)} (best first-sentence answer rate on the fit articles).`,
    "",
  ];
}

export function renderEvalMarkdown(results: EvalResults): string {
  return [
    "# Evaluation",
    "",
    `Produced by \`${results.command}\` on ${results.generatedAt} in ${Math.round(results.durationSeconds)} s. Embedder: \`${results.embedder}\`.`,
    "Raw figures: `docs/eval-results.json`. Embeddings are cached in `.cache/eval-embeddings/`, so a second run does not re-embed.",
    "",
    ...(results.seed ? seedSection(results.seed) : []),
    ...(results.scifact ? sciFactSection(results.scifact) : []),
    ...(results.squad ? squadSection(results.squad) : []),
  ].join("\n");
}
