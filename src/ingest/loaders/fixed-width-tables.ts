/**
 * @module loaders/fixed-width-tables
 * Plain text sets its tables out in columns, a line of dashes under the header:
 *
 *     Plan                 Monthly price   Minimum term
 *     ------------------   -------------   ------------
 *     Off-Peak             GBP 24.99       None (rolling)
 *
 * Read as prose, a row runs into the next ("F29 Flame lost during operation
 * Reset once F61 Control board fault") and no cell is named by its column. Such
 * a table is written as Markdown's ("| Plan | Monthly price | Minimum term |"),
 * whose rows the rest of the pipeline reads one record at a time, each cell
 * named by its column (chunk-sentences.ts). The columns are where the dashes
 * are, not runs of spaces: a cell may fill its column up to the next one
 * ("None (rolling) Home club"). A line whose first cell is empty, or whose
 * cells are all empty but one, goes on with the row above (cells wrapped
 * within their columns: "Duo (two people," above "same address)"). Text that
 * crosses a column's edge inside a word is not set out in those columns: a
 * header doing so is no table's, and a line doing so ends the table.
 */

// Two or more groups of dashes, apart: "----   -------------   ---".
const DASH_RULE = /^\s*-{2,}(?:\s+-{2,})+\s*$/;

/** The text, each fixed-width table in it written as a Markdown table. */
export function withFixedWidthTables(text: string): string {
  if (!text.includes("--")) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = lines[i]!.trim() && DASH_RULE.test(lines[i + 1] ?? "") ? tableAt(lines, i) : undefined;
    if (!table) {
      out.push(lines[i]!);
      continue;
    }
    out.push(...table.markdown);
    i = table.last;
  }
  return out.join("\n");
}

/** The table whose header is line `header`: its Markdown lines and the index of its last line; undefined when it is none. */
function tableAt(lines: string[], header: number): { markdown: string[]; last: number } | undefined {
  const starts = [...lines[header + 1]!.matchAll(/-+/g)].map((match) => match.index!);
  const cellsOf = (line: string) => {
    // A column's edge inside a word: the text is not set out in these columns.
    if (starts.some((start) => start > 0 && /\S/.test(line[start - 1] ?? "") && /\S/.test(line[start] ?? ""))) return undefined;
    if (line.slice(0, starts[0]).trim()) return undefined;
    return starts.map((start, j) => line.slice(start, starts[j + 1] ?? line.length).trim());
  };
  const head = cellsOf(lines[header]!);
  if (!head || head.some((cell) => !cell)) return undefined;
  const rows: string[][] = [];
  let last = header + 1;
  while (last + 1 < lines.length && lines[last + 1]!.trim()) {
    const cells = cellsOf(lines[last + 1]!);
    // The table ends before a line not set out in its columns, which is read on as text: each line is read once.
    if (!cells) break;
    const above = rows.at(-1);
    const wrapped = !cells[0] || cells.filter(Boolean).length === 1;
    if (wrapped && above) cells.forEach((cell, j) => cell && (above[j] = above[j] ? `${above[j]} ${cell}` : cell));
    else rows.push(cells);
    last++;
  }
  if (!rows.length || [head, ...rows].some((cells) => cells.some((cell) => cell.includes("|")))) return undefined;
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return { markdown: [row(head), `|${" --- |".repeat(head.length)}`, ...rows.map(row)], last };
}
