import type { SourceDocument } from "../types.js";
import { decodeText } from "./decode-text.js";
import { titleFromFileName } from "./titles.js";

const MAX_TITLE_LENGTH = 150;

/** Plain text: the first line is the title when it is short enough to be one. */
export function loadTxt(content: Buffer, source: string): SourceDocument {
  const text = decodeText(content, source);
  const firstLine = text.split("\n").find((line) => line.trim())?.trim() ?? "";
  const title = firstLine && firstLine.length <= MAX_TITLE_LENGTH ? firstLine : titleFromFileName(source);
  return { source, title, text, sections: [] };
}
