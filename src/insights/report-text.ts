/**
 * @module report-text
 * The content-gap report for a terminal (`npm run insights`) and as CSV, one
 * row per cluster, for a spreadsheet.
 */
import { stringify } from "csv-stringify/sync";
import type { InsightsReport } from "./report.js";

const percent = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : "-");

export function insightsText(report: InsightsReport): string {
  const { totals } = report;
  const lines = [
    `What the documents could not answer: the last ${report.days} days (since ${report.since.slice(0, 10)})`,
    `${totals.questions} questions: ${percent(totals.answered, totals.questions)} answered, ${percent(totals.uncertain, totals.questions)} uncertain, ${percent(totals.notFound, totals.questions)} not found`,
    "",
    "Per day (answered / uncertain / not found):",
    ...report.daily.filter((d) => d.answered + d.uncertain + d.notFound).map((d) => `  ${d.day}  ${d.answered} / ${d.uncertain} / ${d.notFound}`),
    "",
    report.clusters.length ? `Topics the documents failed, most frequent first (${report.clusters.length}):` : "No unanswered or voted-down questions.",
  ];
  report.clusters.forEach((c, i) => {
    lines.push(
      "",
      `${i + 1}. ${c.examples[0]}`,
      `   ${c.count} question${c.count === 1 ? "" : "s"}: ${c.notFound} not found, ${c.uncertain} uncertain, ${c.negativeFeedback} voted down`,
      ...c.examples.slice(1).map((e) => `   also: ${e}`),
      ...c.comments.map((comment) => `   reader: "${comment}"`),
      ...c.closestPassages.map((p) => `   closest: ${p.source} (${p.title}), score ${p.score.toFixed(2)}`),
    );
  });
  if (report.truncated) lines.push("", `Only the ${report.gapQuestions} most recent unanswered or voted-down questions were grouped.`);
  return `${lines.join("\n")}\n`;
}

const CSV_COLUMNS = ["rank", "questions", "not_found", "uncertain", "voted_down", "example", "other_wordings", "comments", "closest_sources"];

/**
 * CSV with a header row; lists inside a cell are joined with " | ". Questions
 * and comments come from the public, so cells that a spreadsheet would run as
 * a formula (=, +, -, @) are escaped.
 */
export function insightsCsv(report: InsightsReport): string {
  const rows = report.clusters.map((c, i) => [
    i + 1,
    c.count,
    c.notFound,
    c.uncertain,
    c.negativeFeedback,
    c.examples[0] ?? "",
    c.examples.slice(1).join(" | "),
    c.comments.join(" | "),
    c.closestPassages.map((p) => p.source).join(" | "),
  ]);
  return stringify([CSV_COLUMNS, ...rows], { escape_formulas: true, record_delimiter: "windows" });
}
