import type { Section, SourceDocument } from "../types.js";
import { decodeText, titleFromFileName } from "./text.js";

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/;
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
    const match = inFence ? null : ATX_HEADING.exec(line.replace(/\r$/, ""));
    if (match) {
      const level = match[1]!.length;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: match[2]!.trim() });
      sections.push({ start: offset, headingPath: stack.map((h) => h.title) });
    }
    offset += line.length + 1;
  }
  const h1 = sections.find((s) => s.headingPath.length === 1);
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });
  return { source, title: h1?.headingPath[0] ?? titleFromFileName(source), text, sections };
}
