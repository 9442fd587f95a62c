/**
 * @module tables
 * Reading a table's rows in text: Markdown's ("| London | 140 pounds |", with a
 * delimiter row under the header) and an HTML table's as the loader writes them
 * ("London | 140 pounds", one row per block), and finding the header that names
 * a row's cells. chunk-sentences reads rows within a passage; table-headers
 * reads a header the passage was cut below, and keyword search indexes it with
 * the passage (keyword-document). Here, beside tokenize, because keyword search,
 * ingest and the answer stage all read tables, and retrieval imports neither.
 */

/** A table's row as cells: "| London | 140 pounds |" (Markdown) or "London | 140 pounds" (an HTML table's row). */
export function cellsOf(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.includes("|")) return undefined;
  const cells = trimmed.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
  return cells.length >= 2 ? cells : undefined;
}

const DELIMITER_CELL = /^:?-{3,}:?$/;

/** A Markdown table's delimiter row ("| --- | :---: |"): no row of the table. */
export const isDelimiterRow = (cells: string[]) => cells.every((cell) => DELIMITER_CELL.test(cell));

/**
 * The rows above the line starting at `lineStart`, walking back over them (and blank lines between them: an HTML
 * table's rows are blocks): `first`, the first row of its table, if any row is above it; `reachesStart`, the rows run
 * back to the start of `text`, so the table may have begun before it (a passage cut from a long table).
 */
export function rowsAbove(text: string, lineStart: number): { first?: { cells: string[]; start: number; end: number }; reachesStart: boolean } {
  let first: { cells: string[]; start: number; end: number } | undefined;
  let at = lineStart;
  while (at > 0) {
    const previousStart = text.lastIndexOf("\n", at - 2) + 1;
    const previous = text.slice(previousStart, at - 1);
    if (previous.trim()) {
      const cells = cellsOf(previous);
      if (!cells) return { ...(first && { first }), reachesStart: false };
      if (!isDelimiterRow(cells)) first = { cells, start: previousStart, end: at - 1 };
    }
    at = previousStart;
  }
  return { ...(first && { first }), reachesStart: true };
}

/**
 * Whether the first row of a table heads the rows after it (a Markdown delimiter row follows it, or a row of as many
 * cells): its cells name their columns in every row, and quoted alone ("Plan | Price per user per month | Storage")
 * they answer nothing.
 */
export function headsRows(text: string, end: number, cells: string[]): boolean {
  const next = text.slice(end).split("\n").find((line) => line.trim());
  const nextCells = next === undefined ? undefined : cellsOf(next);
  return nextCells !== undefined && (isDelimiterRow(nextCells) || nextCells.length === cells.length);
}

/** Whether a passage's text opens with a table's row, or a Markdown table's delimiter row: it may be cut from below a header. */
export const opensWithRow = (text: string) => cellsOf(text.trimStart().split("\n", 1)[0]!) !== undefined;

/**
 * The header of the table a chunk was cut from below its header: the chunk (at `start` in `text`) opens with a row, or
 * a Markdown table's delimiter row, and the table's first row above it heads the rows.
 */
export function headerAbove(text: string, chunk: { start: number; text: string }): string[] | undefined {
  if (!opensWithRow(chunk.text)) return undefined;
  const lineStart = chunk.start + /^\s*/.exec(chunk.text)![0].length;
  if (lineStart > 0 && text[lineStart - 1] !== "\n") return undefined;
  const { first } = rowsAbove(text, lineStart);
  return first && headsRows(text, first.end, first.cells) ? first.cells : undefined;
}
