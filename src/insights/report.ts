/**
 * @module report
 * The content-gap report: what the documents failed to answer over the
 * retention window. Questions answered `not_found` or `uncertain`, and answers
 * voted down, are grouped into clusters of similar questions (by the
 * service's own embedder), most frequent first, each with its counts, a few
 * example wordings, readers' comments and, for uncertain answers, the
 * passages that came closest; and per UTC day, how questions came out.
 * The HTTP route, the HTML page and `npm run insights` all render this.
 */
import type { AnswerOutcome } from "../answer/types.js";
import type { Embedder } from "../embeddings/types.js";
import { clusterBySimilarity } from "./clusters.js";
import type { DailyOutcomeCount, LoggedQuestion, LoggedSource, QuestionLog } from "./question-log/index.js";

/** A topic the documents fail on: similar questions and what happened to them. */
export interface GapCluster {
  /** Questions in the cluster (repeats included). */
  count: number;
  notFound: number;
  uncertain: number;
  /** Answers in the cluster that a reader voted down. */
  negativeFeedback: number;
  /** Distinct wordings, most frequent first. */
  examples: string[];
  /** Readers' comments on answers voted down, newest first. */
  comments: string[];
  /** For uncertain answers: the passages that came closest, best first. */
  closestPassages: LoggedSource[];
}

export interface DailyOutcomes {
  /** YYYY-MM-DD, UTC. */
  day: string;
  answered: number;
  uncertain: number;
  notFound: number;
}

export interface InsightsReport {
  generatedAt: string;
  /** The window: the log's retention. */
  days: number;
  since: string;
  totals: { questions: number; answered: number; uncertain: number; notFound: number };
  /** Every day of the window, oldest first (days without questions are zeros). */
  daily: DailyOutcomes[];
  clusters: GapCluster[];
  /** Gap questions read for the clusters, newest first; `truncated` when older ones were left out. */
  gapQuestions: number;
  truncated: boolean;
}

export interface ReportDependencies {
  log: Pick<QuestionLog, "entries" | "dailyOutcomes">;
  embedder: Pick<Embedder, "embedDocuments">;
  /** Retention of the log, and so the window of the report. */
  days: number;
}

/**
 * Least cosine similarity (bundled embedder) for two questions to count as
 * the same topic: paraphrases of one question score above it, different
 * questions about the same document mostly below (tests/insights/report.test.ts).
 */
export const SAME_TOPIC_SIMILARITY = 0.62;
// Enough for a month of a busy site's failures; clustering is quadratic in the worst case.
const MAX_GAP_QUESTIONS = 5000;
const EXAMPLES = 5;
const COMMENTS = 5;
const CLOSEST = 3;
const DAY_MS = 86_400_000;

export async function buildInsightsReport({ log, embedder, days }: ReportDependencies, now = new Date()): Promise<InsightsReport> {
  const since = startOfUtcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
  const [counts, gaps] = await Promise.all([log.dailyOutcomes(since), log.entries({ since, gapsOnly: true, limit: MAX_GAP_QUESTIONS + 1 })]);
  const truncated = gaps.length > MAX_GAP_QUESTIONS;
  const considered = gaps.slice(0, MAX_GAP_QUESTIONS);
  const daily = dailySeries(counts, since, now);
  const sum = (key: keyof Omit<DailyOutcomes, "day">) => daily.reduce((total, d) => total + d[key], 0);
  return {
    generatedAt: now.toISOString(),
    days,
    since: since.toISOString(),
    totals: { questions: sum("answered") + sum("uncertain") + sum("notFound"), answered: sum("answered"), uncertain: sum("uncertain"), notFound: sum("notFound") },
    daily,
    clusters: await gapClusters(considered, embedder),
    gapQuestions: considered.length,
    truncated,
  };
}

async function gapClusters(entries: LoggedQuestion[], embedder: ReportDependencies["embedder"]): Promise<GapCluster[]> {
  // Identical questions (up to case, spacing and end punctuation) are embedded once.
  const byWording = new Map<string, LoggedQuestion[]>();
  for (const entry of entries) {
    const key = wordingKey(entry.question);
    const group = byWording.get(key);
    if (group) group.push(entry);
    else byWording.set(key, [entry]);
  }
  const wordings = [...byWording.values()].sort((a, b) => b.length - a.length);
  if (!wordings.length) return [];
  const vectors = await embedder.embedDocuments(wordings.map((group) => group[0]!.question));
  const clusters = clusterBySimilarity(
    wordings.map((group, i) => ({ item: group, vector: vectors[i]! })),
    SAME_TOPIC_SIMILARITY,
  );
  return clusters.map(summarise).sort((a, b) => b.count - a.count);
}

function summarise(wordings: LoggedQuestion[][]): GapCluster {
  const entries = wordings.flat();
  const count = (outcome: AnswerOutcome) => entries.filter((e) => e.outcome === outcome).length;
  const votedDown = entries.filter((e) => e.feedback?.vote === "down");
  const closest = new Map<string, LoggedSource>();
  for (const source of entries.filter((e) => e.outcome === "uncertain").flatMap((e) => e.sources).sort((a, b) => b.score - a.score)) {
    if (!closest.has(source.id)) closest.set(source.id, source);
  }
  return {
    count: entries.length,
    notFound: count("not_found"),
    uncertain: count("uncertain"),
    negativeFeedback: votedDown.length,
    examples: wordings.slice(0, EXAMPLES).map((group) => group[0]!.question),
    comments: votedDown
      .filter((e) => e.feedback?.comment)
      .sort((a, b) => b.feedback!.at.getTime() - a.feedback!.at.getTime())
      .slice(0, COMMENTS)
      .map((e) => e.feedback!.comment!),
    closestPassages: [...closest.values()].slice(0, CLOSEST),
  };
}

function wordingKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, " ").replace(/[\s?!.]+$/, "").trim();
}

function dailySeries(counts: DailyOutcomeCount[], since: Date, now: Date): DailyOutcomes[] {
  const days = new Map<string, DailyOutcomes>();
  for (let t = since.getTime(); t <= now.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, answered: 0, uncertain: 0, notFound: 0 });
  }
  for (const { day, outcome, count } of counts) {
    const row = days.get(day);
    if (row) row[outcome === "not_found" ? "notFound" : outcome] += Number(count);
  }
  return [...days.values()];
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
