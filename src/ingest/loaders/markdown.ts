import type { Section, SourceDocument } from "../types.js";
import { decodeText } from "./decode-text.js";
import { boundedTitle, titleFromFileName } from "./titles.js";

// The opening of an ATX heading; its title is trimmed by hand (atxHeading), because the one-pattern form
// /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/ retries the closing run at every character: seconds on one long line.
const ATX_OPENING = /^ {0,3}(#{1,6})([ \t]+)/;
const CLOSING = new Set([" ", "\t", "#"]);
const FENCE = /^ {0,3}(```|~~~)/;
// A paragraph that opens with a line in bold and nothing else: "**It says "zstd: command not found".**" heads the answer
// below it in a FAQ, as a heading would. Short, so that a paragraph set in bold as a whole is none.
const BOLD_LINE = /^ {0,3}(\*\*|__)(?![\s*_])([^*_\n]{1,100}?)(?<!\s)\1[ \t]*$/;

/**
 * Markdown is kept as written (offsets point into the file); each ATX heading
 * starts a section whose heading path is the chain of enclosing headings. A
 * line in bold opening a paragraph (BOLD_LINE) heads a section below the
 * heading it is under: FAQs are often written so, each answer under its
 * question. Without it (measured on a README's troubleshooting FAQ), "getting
 * zstd: command not found, how to fix" was answered with the question's own
 * line and the previous answer's last sentence; with it, by the answer below.
 */
export function loadMarkdown(content: Buffer, source: string): SourceDocument {
  const text = decodeText(content, source);
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let inFence = false;
  let offset = 0;
  let headingLevel = 0;
  // A new paragraph starts after a blank line or a heading.
  let paragraphStarts = true;
  // The document's title is its first outermost ATX heading; a line in bold opening the file ("**Last updated 3 May**")
  // heads a section but names no document.
  let documentTitle: string | undefined;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r$/, "");
    if (FENCE.test(line)) inFence = !inFence;
    const atx = inFence ? undefined : atxHeading(line);
    if (atx) headingLevel = atx.level;
    const heading = atx ?? (inFence || !paragraphStarts ? undefined : boldHeading(line, headingLevel + 1));
    if (heading) {
      const { level, title } = heading;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title });
      sections.push({ start: offset, headingPath: stack.map((h) => h.title) });
      if (atx && stack.length === 1) documentTitle ??= title;
    }
    paragraphStarts = !inFence && (!line.trim() || atx !== undefined);
    offset += rawLine.length + 1;
  }
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });
  return { source, title: documentTitle ?? titleFromFileName(source), text, sections };
}

/** A line in bold alone, as a heading of `level`; undefined when the line is anything else. */
function boldHeading(line: string, level: number): { level: number; title: string } | undefined {
  const bold = BOLD_LINE.exec(line);
  return bold ? { level, title: boundedTitle(bold[2]!) } : undefined;
}

/** `## Title ##` → level 2, "Title"; undefined when the line is not an ATX heading. */
function atxHeading(line: string): { level: number; title: string } | undefined {
  const opening = ATX_OPENING.exec(line);
  if (!opening) return undefined;
  const rest = line.slice(opening[0].length);
  // "#  " (only spaces after the hashes) is a heading with an empty title, "# " is not: what the pattern matched.
  if (!rest) return opening[2]!.length > 1 ? { level: opening[1]!.length, title: "" } : undefined;
  let end = rest.length;
  while (end > 1 && CLOSING.has(rest[end - 1]!)) end--;
  return { level: opening[1]!.length, title: boundedTitle(rest.slice(0, end)) };
}
