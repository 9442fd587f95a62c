/**
 * @module report-html
 * The content-gap report as a page for operators: the clusters as a list and
 * the outcomes per day as an inline SVG chart (no script, so the pages'
 * Content-Security-Policy holds; the chat's palette, light and dark). Every
 * question, comment and title goes through `escapeHtml`.
 */
import { BASE_STYLE, escapeHtml } from "../web/html.js";
import type { DailyOutcomes, GapCluster, InsightsReport } from "./report.js";

const OUTCOMES = [
  { key: "answered", label: "answered", color: "var(--answered)" },
  { key: "uncertain", label: "uncertain", color: "var(--uncertain)" },
  { key: "notFound", label: "not found", color: "var(--not-found)" },
] as const;

const STYLE = `${BASE_STYLE}
  :root { --accent: #2253c9; --surface: #f2f4f8; --border: #d3d8e2; --answered: #2253c9; --uncertain: #b7791f; --not-found: #b42318; }
  @media (prefers-color-scheme: dark) { :root { --accent: #8fb0ff; --surface: #1f242d; --border: #3a4150; --answered: #8fb0ff; --uncertain: #f0b429; --not-found: #ff8a80; } }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.4rem; margin: .5rem 0; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  .muted { color: var(--muted); }
  .totals { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; list-style: none; }
  .totals strong { font-size: 1.3rem; display: block; }
  .chart { width: 100%; height: auto; max-height: 14rem; background: var(--surface); border-radius: 10px; }
  .chart text { fill: var(--muted); font-size: 11px; }
  .legend { display: flex; gap: 1rem; margin: .4rem 0 0; padding: 0; list-style: none; font-size: .85rem; }
  .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .3em; vertical-align: -.05em; }
  .clusters { list-style: none; padding: 0; margin: 0; }
  .cluster { border: 1px solid var(--border); border-radius: 12px; padding: .75rem 1rem; margin-bottom: .75rem; }
  .cluster h3 { margin: 0 0 .35rem; font-size: 1rem; overflow-wrap: anywhere; }
  .counts { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; }
  .cluster ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; overflow-wrap: anywhere; }
  .label { margin: .4rem 0 0; font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
  .comment { font-style: italic; }
  a { color: var(--accent); }
`;

export function insightsPageHtml(report: InsightsReport): string {
  const { totals } = report;
  const rate = (n: number) => (totals.questions ? `${Math.round((100 * n) / totals.questions)} %` : "–");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What the documents could not answer</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>What the documents could not answer</h1>
<p class="muted">The last ${report.days} days (since ${escapeHtml(report.since.slice(0, 10))}), from the question log. Generated ${escapeHtml(report.generatedAt.slice(0, 16).replace("T", " "))} UTC.</p>
<ul class="totals">
<li><strong>${totals.questions}</strong> questions</li>
<li><strong>${rate(totals.answered)}</strong> answered</li>
<li><strong>${rate(totals.uncertain)}</strong> uncertain</li>
<li><strong>${rate(totals.notFound)}</strong> not found</li>
</ul>
<h2>Outcomes per day</h2>
${dailyChart(report.daily)}
<ul class="legend">${OUTCOMES.map((o) => `<li><span class="swatch" style="background:${o.color}"></span>${o.label}</li>`).join("")}</ul>
<h2>Topics the documents failed (${report.clusters.length})</h2>
${report.truncated ? `<p class="muted">Only the ${report.gapQuestions} most recent unanswered or voted-down questions were grouped.</p>` : ""}
${report.clusters.length ? `<ol class="clusters">${report.clusters.map(clusterHtml).join("\n")}</ol>` : `<p class="muted">Nothing yet: every logged question was answered and no answer was voted down.</p>`}
</main>
</body>
</html>
`;
}

function clusterHtml(cluster: GapCluster): string {
  const [first, ...others] = cluster.examples;
  const counts = [
    `${cluster.count} question${cluster.count === 1 ? "" : "s"}`,
    cluster.notFound && `${cluster.notFound} not found`,
    cluster.uncertain && `${cluster.uncertain} uncertain`,
    cluster.negativeFeedback && `${cluster.negativeFeedback} voted down`,
  ].filter(Boolean);
  return `<li class="cluster">
<h3>${escapeHtml(first ?? "")}</h3>
<p class="counts">${counts.join(" · ")}</p>
${list("Also asked as", others.map(escapeHtml))}
${list("Readers said", cluster.comments.map((c) => `<span class="comment">“${escapeHtml(c)}”</span>`))}
${list(
  "Closest passages",
  cluster.closestPassages.map(
    (p) => `<a href="../sources/${encodeURIComponent(p.source)}">${escapeHtml(p.title || p.source)}</a> <span class="muted">${escapeHtml(p.source)} · score ${p.score.toFixed(2)}</span>`,
  ),
)}
</li>`;
}

function list(label: string, items: string[]): string {
  return items.length ? `<p class="label">${label}</p><ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "";
}

/** Stacked bars, one per day, each the day's shares of the outcomes; the day's counts in a tooltip. */
function dailyChart(daily: DailyOutcomes[]): string {
  const width = 720;
  const height = 180;
  const bottom = height - 20;
  const step = width / Math.max(daily.length, 1);
  const bar = Math.max(step * 0.7, 1);
  const labelEvery = Math.ceil(daily.length / 8);
  const bars = daily.map((d, i) => {
    const total = d.answered + d.uncertain + d.notFound;
    const x = (i * step + (step - bar) / 2).toFixed(1);
    let y = bottom;
    const segments = total
      ? OUTCOMES.map((o) => {
          const h = ((bottom - 10) * d[o.key]) / total;
          y -= h;
          return h ? `<rect x="${x}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${o.color}"/>` : "";
        }).join("")
      : "";
    const label = i % labelEvery === 0 ? `<text x="${(i * step + step / 2).toFixed(1)}" y="${height - 5}" text-anchor="middle">${d.day.slice(5)}</text>` : "";
    const tooltip = `${d.day}: ${total} questions, ${d.answered} answered, ${d.uncertain} uncertain, ${d.notFound} not found`;
    return `<g><title>${tooltip}</title>${segments}${label}</g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Share of questions answered, uncertain and not found, per day">${bars.join("")}</svg>`;
}
