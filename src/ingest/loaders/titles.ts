/**
 * @module loaders/titles
 * Document titles and headings as every loader shows them: bounded in length,
 * with the file name as the fallback.
 */
import path from "node:path";

/** A readable fallback title: the file name without extension, separators as spaces. */
export function titleFromFileName(source: string): string {
  return path.posix.basename(source).replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim();
}

/** Longest title or heading kept: every chunk of a document carries them, in every answer and search result. */
export const MAX_TITLE_CHARS = 200;

/** A title or heading as shown: white space collapsed, cut to MAX_TITLE_CHARS (with "…"). */
export function boundedTitle(raw: string): string {
  const title = raw.replace(/\s+/g, " ").trim();
  return title.length <= MAX_TITLE_CHARS ? title : `${title.slice(0, MAX_TITLE_CHARS - 1).trimEnd()}…`;
}
