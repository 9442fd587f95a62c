/**
 * @module risk-coverage-plot
 * The risk–coverage plot of docs/EVAL.md as a small standalone SVG: for each
 * set, the share of its questions answered confidently (coverage) against the
 * share of those answers that are wrong (risk), as the answer threshold moves,
 * with the shipped threshold marked. Written by hand: a dozen lines of SVG do
 * not need a charting library.
 */

export interface Curve {
  name: string;
  points: { threshold: number; coverage: number; risk: number }[];
  /** The shipped operating point on this curve. */
  chosen?: { coverage: number; risk: number };
}

const COLORS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df"];
const W = 560;
const H = 360;
const PAD = { left: 56, right: 16, top: 20, bottom: 48 };

export function riskCoverageSvg(curves: Curve[], title: string): string {
  const x = (coverage: number) => PAD.left + coverage * (W - PAD.left - PAD.right);
  const y = (risk: number) => H - PAD.bottom - risk * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#ddd"/><line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#ddd"/>` +
        `<text x="${x(t)}" y="${y(0) + 16}" text-anchor="middle">${t}</text><text x="${x(0) - 8}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    )
    .join("");
  const lines = curves
    .map((curve, i) => {
      const color = COLORS[i % COLORS.length];
      const path = curve.points.map((p, j) => `${j ? "L" : "M"}${x(p.coverage).toFixed(1)},${y(p.risk).toFixed(1)}`).join("");
      const mark = curve.chosen ? `<circle cx="${x(curve.chosen.coverage)}" cy="${y(curve.chosen.risk)}" r="5" fill="${color}" stroke="#000"/>` : "";
      const legend = `<rect x="${W - 150}" y="${PAD.top + 4 + i * 18}" width="12" height="3" fill="${color}"/><text x="${W - 132}" y="${PAD.top + 10 + i * 18}">${escapeXml(curve.name)}</text>`;
      return `<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>${mark}${legend}`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="14" text-anchor="middle" font-size="12">${escapeXml(title)}</text>
${grid}
<text x="${(x(0) + x(1)) / 2}" y="${H - 10}" text-anchor="middle">coverage: share of questions answered confidently</text>
<text transform="translate(14 ${(y(0) + y(1)) / 2}) rotate(-90)" text-anchor="middle">risk: share of confident answers that are wrong</text>
${lines}
</svg>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
