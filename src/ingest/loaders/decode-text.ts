/**
 * @module loaders/decode-text
 * The bytes of a text-based file (.txt, .md, .html) as text, for every loader
 * that reads one.
 */
import { LoadError } from "../types.js";

// Share of characters that may fail to decode before a file counts as not UTF-8 at all (a few stray bytes are kept).
const MAX_UNDECODABLE_SHARE = 0.05;

/**
 * Decodes UTF-8 text, refusing binary content (a NUL byte) and text that is
 * mostly not UTF-8 (Latin-1, UTF-16 without NULs, random bytes), which would
 * otherwise be indexed as replacement characters; strips a byte-order mark.
 */
export function decodeText(content: Buffer, source: string): string {
  if (content.includes(0)) throw new LoadError(source, "looks binary (contains NUL bytes), not text");
  const text = content.toString("utf8");
  let undecodable = 0;
  for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) undecodable++;
  if (undecodable > 0 && undecodable > text.length * MAX_UNDECODABLE_SHARE) {
    const share = Math.round((100 * undecodable) / text.length);
    throw new LoadError(source, `is not UTF-8 text (${share} % of its characters do not decode); skipped`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
