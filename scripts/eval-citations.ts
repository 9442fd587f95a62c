/**
 * Measures the citation verifier (src/answer/verify-citations.ts) on SQuAD 2.0
 * dev paragraphs from ../shared/bench-data, with no model and no network:
 * each case is an answer sentence with a citation, checked against five
 * passages of one article (the right paragraph and four neighbours, which
 * share its topic and vocabulary). Writes docs/citation-verification.md.
 *
 *   npx tsx scripts/eval-citations.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CLEARLY_BETTER_BY, MIN_SUPPORT, type VerifyOptions, verifyCitations } from "../src/answer/verify-citations.js";
import type { Passage } from "../src/answer/types.js";
import { sentenceSpans } from "../src/ingest/sentences.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SQUAD = path.resolve(ROOT, "../shared/bench-data/squad2-dev");
const OUT = path.join(ROOT, "docs/citation-verification.md");
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7];
// 1 turns the "clearly better passage" rule off.
const MARGINS = [0.15, 0.25, 0.35, 1];
const SET_SIZE = 5;

interface Paragraph {
  id: string;
  title: string;
  text: string;
}
interface Question {
  question: string;
  passage_id: string;
  answers: string[];
  is_impossible: boolean;
  plausible_answers?: string[];
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(path.join(SQUAD, file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** What the verifier did with one cited sentence. */
type Outcome = "kept" | "moved to the right passage" | "moved elsewhere" | "marked unsupported";

interface Case {
  kind: string;
  /** The outcome a perfect verifier would give. */
  expected: Outcome;
  sentence: string;
  passages: Passage[];
  /** Passage number the sentence cites. */
  cites: number;
  /** Passage number that truly holds the sentence, if any is supplied. */
  truth?: number;
}

function passage(p: Paragraph, n: number): Passage {
  return { n, score: 1, chunk: { id: p.id, source: `${p.title}.txt`, title: p.title, headingPath: [], text: p.text, start: 0, end: p.text.length } };
}

/** The paragraph and the next four of its article (wrapping), with the paragraph at a position that varies. */
function passageSet(article: Paragraph[], index: number): { passages: Passage[]; truth: number } {
  const chosen = Array.from({ length: Math.min(SET_SIZE, article.length) }, (_, i) => article[(index + i) % article.length]!);
  const shift = index % chosen.length;
  const ordered = [...chosen.slice(chosen.length - shift), ...chosen.slice(0, chosen.length - shift)];
  return { passages: ordered.map((p, i) => passage(p, i + 1)), truth: ordered.indexOf(chosen[0]!) + 1 };
}

function cite(sentence: string, n: number): string {
  return `${sentence.replace(/[.!?]+$/, "")} [${n}].`;
}

/** "In what country is Normandy located?" + "France" → a claim using the question's words and the answer. */
function claimFrom(question: string, answer: string): string {
  return `${question.replace(/\?+\s*$/, "")}: ${answer}`;
}

function buildCases(paragraphs: Paragraph[], questions: Question[]): Case[] {
  const articles = new Map<string, Paragraph[]>();
  for (const p of paragraphs) articles.set(p.title, [...(articles.get(p.title) ?? []), p]);
  const where = new Map<string, { article: Paragraph[]; index: number }>();
  for (const article of articles.values()) article.forEach((p, index) => where.set(p.id, { article, index }));

  const cases: Case[] = [];
  for (const article of articles.values()) {
    article.forEach((paragraph, index) => {
      const { passages, truth } = passageSet(article, index);
      const wrong = (truth % passages.length) + 1;
      // A same-article paragraph that is not among the supplied passages: on topic, but not in evidence.
      const outside = article[(index + SET_SIZE) % article.length]!;
      const outsideSentence = outside !== paragraph && !passages.some((p) => p.chunk.id === outside.id) ? firstSentence(outside.text) : undefined;
      for (const span of sentenceSpans(paragraph.text)) {
        const sentence = paragraph.text.slice(span.start, span.end);
        cases.push({ kind: "Quoted sentence, right citation", expected: "kept", sentence, passages, cites: truth, truth });
        cases.push({ kind: "Quoted sentence, wrong passage cited", expected: "moved to the right passage", sentence, passages, cites: wrong, truth });
      }
      if (outsideSentence) {
        cases.push({ kind: "On-topic sentence from a passage not supplied", expected: "marked unsupported", sentence: outsideSentence, passages, cites: truth });
      }
    });
  }
  for (const q of questions) {
    const place = where.get(q.passage_id);
    if (!place) continue;
    const { passages, truth } = passageSet(place.article, place.index);
    if (!q.is_impossible && q.answers[0]) {
      cases.push({ kind: "Question + gold answer (paraphrase proxy), right citation", expected: "kept", sentence: claimFrom(q.question, q.answers[0]), passages, cites: truth, truth });
    } else if (q.is_impossible && q.plausible_answers?.[0]) {
      cases.push({ kind: "Question + plausible wrong answer (SQuAD 2.0 unanswerable)", expected: "marked unsupported", sentence: claimFrom(q.question, q.plausible_answers[0]), passages, cites: truth });
    }
  }
  return cases;
}

function firstSentence(text: string): string {
  const span = sentenceSpans(text)[0]!;
  return text.slice(span.start, span.end);
}

function outcome(c: Case, options: VerifyOptions = {}): Outcome {
  const verified = verifyCitations(cite(c.sentence, c.cites), c.passages, options);
  if (verified.unsupported.length) return "marked unsupported";
  const cited = [...verified.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (cited.includes(c.cites)) return "kept";
  return cited.includes(c.truth ?? -1) ? "moved to the right passage" : "moved elsewhere";
}

function main(): void {
  if (!existsSync(SQUAD)) {
    console.error(`SQuAD data not found at ${SQUAD}`);
    process.exit(1);
  }
  const started = performance.now();
  const cases = buildCases(readJsonl<Paragraph>("passages.jsonl"), readJsonl<Question>("questions.jsonl"));
  const kinds = [...new Set(cases.map((c) => c.kind))];
  const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`;

  const lines = [
    "# Citation verification",
    "",
    `Produced by \`npx tsx scripts/eval-citations.ts\` on ${new Date().toISOString()} (${((performance.now() - started) / 1000).toFixed(1)} s; no model, no network).`,
    "",
    "Data: SQuAD 2.0 dev subset in `../shared/bench-data/squad2-dev` (16 articles, 646 paragraphs). Each case is one answer sentence",
    `with one citation, checked by \`verifyCitations\` against ${SET_SIZE} passages of one article — the right paragraph and the next`,
    "four, which share its topic and names, so that a wrong citation is not trivially different.",
    "",
    `The service uses \`MIN_SUPPORT\` = ${MIN_SUPPORT} (share of the sentence's content terms the cited passage must hold) and`,
    `\`CLEARLY_BETTER_BY\` = ${CLEARLY_BETTER_BY} (a citation is moved when another passage holds that much more of the sentence).`,
    "",
    `## Share of cases handled as a perfect verifier would, by MIN_SUPPORT (CLEARLY_BETTER_BY = ${CLEARLY_BETTER_BY})`,
    "",
    `| Case → expected | n | ${THRESHOLDS.map((t) => `${t}`).join(" | ")} |`,
    `| --- | ---: | ${THRESHOLDS.map(() => "---:").join(" | ")} |`,
  ];
  const groups = kinds.map((kind) => cases.filter((c) => c.kind === kind));
  const share = (group: Case[], options: VerifyOptions) => pct(group.filter((c) => outcome(c, options) === c.expected).length, group.length);
  for (const group of groups) {
    lines.push(`| ${group[0]!.kind} → ${group[0]!.expected} | ${group.length} | ${THRESHOLDS.map((t) => share(group, { minSupport: t })).join(" | ")} |`);
  }
  lines.push(
    "",
    `## The same by CLEARLY_BETTER_BY (MIN_SUPPORT = ${MIN_SUPPORT}; 1 = rule off)`,
    "",
    `| Case → expected | ${MARGINS.map((m) => `${m}`).join(" | ")} |`,
    `| --- | ${MARGINS.map(() => "---:").join(" | ")} |`,
  );
  for (const group of groups) {
    lines.push(`| ${group[0]!.kind} → ${group[0]!.expected} | ${MARGINS.map((m) => share(group, { clearlyBetterBy: m })).join(" | ")} |`);
  }
  const detail = groups.map((group) => {
    const counts = new Map<Outcome, number>();
    for (const c of group) counts.set(outcome(c), (counts.get(outcome(c)) ?? 0) + 1);
    return `| ${group[0]!.kind} | ${[...counts].map(([o, n]) => `${o}: ${pct(n, group.length)}`).join("; ")} |`;
  });
  lines.push("", "## Outcomes with the service's settings", "", "| Case | Outcomes |", "| --- | --- |", ...detail, "");
  lines.push(
    "## Reading",
    "",
    "- Quoted sentences keep a right citation, and a citation of the wrong passage is moved to the passage that holds the sentence.",
    "- A fluent, on-topic sentence that none of the supplied passages states is caught when its words are not there.",
    "- The check is lexical: a claim built from the question's words and a *plausible but wrong* answer (SQuAD 2.0's",
    "  adversarial unanswerable questions) mostly passes, because its words are in the passage. Catching those needs",
    "  entailment, which no offline component here provides; such sentences still cite a passage the reader can check.",
    "",
  );
  writeFileSync(OUT, lines.join("\n"));
  console.log(lines.join("\n"));
}

main();
