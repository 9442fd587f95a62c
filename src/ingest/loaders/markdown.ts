import type { Section, SourceDocument } from "../types.js";
import { decodeText } from "./decode-text.js";
import { boundedTitle, titleFromFileName } from "./titles.js";

// The opening of an ATX heading; its title is trimmed by hand (atxHeading), because the one-pattern form
// /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/ retries the closing run at every character: seconds on one long line.
const ATX_OPENING = /^ {0,3}(#{1,6})([ \t]+)/;
const CLOSING = new Set([" ", "\t", "#"]);
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Markdown is kept as written (offsets point into the file); each ATX heading
 * starts a section whose heading path is the chain of enclosing headings.
 */
export function loadMarkdown(content: Buffer, source: string): SourceDocument {
  const text = decodeText(content, source);
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let inFence = false;
  let offset = 0;
  for (const line of text.split("\n")) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? undefined : atxHeading(line.replace(/\r$/, ""));
    if (heading) {
      const { level, title } = heading;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title });
      sections.push({ start: offset, headingPath: stack.map((h) => h.title) });
    }
    offset += line.length + 1;
  }
  const h1 = sections.find((s) => s.headingPath.length === 1);
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });
  return { source, title: h1?.headingPath[0] ?? titleFromFileName(source), text, sections };
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
