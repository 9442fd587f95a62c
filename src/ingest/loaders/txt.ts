import { indent, RULE_LINE } from "../sentences.js";
import type { Section, SourceDocument } from "../types.js";
import { decodeText } from "./decode-text.js";
import { withFixedWidthTables } from "./fixed-width-tables.js";
import { titleFromFileName } from "./titles.js";

const MAX_TITLE_LENGTH = 150;
const MAX_HEADING_WORDS = 10;
const MAX_HEADING_CHARS = 100;
// A capital first, no closing punctuation, and neither digits nor a colon: a line of content standing alone
// ("Opening hours: 9–17", "24 April 2025", "Thank you.") stays content, and is still quoted as an answer.
// A section's number may lead it ("1. Winter fair", "2.3 Costs"), as in minutes and reports.
const HEADING_LINE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\p{Lu}[^\d:.!?;,]*[^\d:.!?;,\s]$/u;
// Under the same bounds, digits allowed, a line whose next is indented under it: a manual's entry and its text ("Tray
// 1 (main tray)" over "  Capacity: 250 sheets …", "E21  WI-FI AUTHENTICATION ERROR" over "     Re-enter the password.").
const ENTRY_LINE = /^\p{Lu}[^:.!?;,]*[^:.!?;,\s]$/u;

/**
 * Plain text: the first line is the title when it is short enough to be one. A later short line written like a
 * heading (HEADING_LINE), after a blank line, starts a section, as a Markdown heading would: chunks do not run across
 * it, it names the passages under it, and it is not quoted as an answer ("NEMO's thoughts on AI [1]" answered nothing).
 * A rule line drawn above or below it stands for the blank line ("-----\n1. SAFETY FIRST\n-----", "Warranty\n====").
 * Its text may follow on the next line ("Opening hours" above "Monday to Friday: 7:00 to 18:00"), unless that line
 * reads like a heading too: lines of that kind together are an address or a verse, not a heading and its text. A line
 * with digits heads a section too when the lines under it are indented (ENTRY_LINE). A table set out in columns is
 * written as Markdown's (fixed-width-tables.ts).
 */
export function loadTxt(content: Buffer, source: string): SourceDocument {
  const text = withFixedWidthTables(decodeText(content, source));
  const lines = text.split("\n");
  const titleLine = lines.findIndex((line) => line.trim());
  const firstLine = lines[titleLine]?.trim() ?? "";
  const title = firstLine && firstLine.length <= MAX_TITLE_LENGTH ? firstLine : titleFromFileName(source);
  return { source, title, text, sections: plainHeadings(lines, titleLine) };
}

/** Sections started by heading lines after the title line (`lines` are the text's, split at "\n"). */
function plainHeadings(lines: string[], titleLine: number): Section[] {
  const blank = (i: number) => i < 0 || i >= lines.length || !lines[i]!.trim() || RULE_LINE.test(lines[i]!.trim());
  const sections: Section[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const heading = line.trim();
    if (i > titleLine && blank(i - 1) && (isHeading(heading) ? blank(i + 1) || !isHeading(lines[i + 1]!.trim()) : isEntry(line, lines[i + 1]))) {
      sections.push({ start: offset, headingPath: [heading] });
    }
    offset += line.length + 1;
  });
  if (sections.length) sections.unshift({ start: 0, headingPath: [] });
  return sections;
}

function isHeading(line: string, pattern = HEADING_LINE): boolean {
  return line.length <= MAX_HEADING_CHARS && line.split(" ").length <= MAX_HEADING_WORDS && pattern.test(line);
}

/** Whether `line` heads the lines indented under it (ENTRY_LINE). */
function isEntry(line: string, next: string | undefined): boolean {
  return next !== undefined && next.trim() !== "" && indent(next) > indent(line) && isHeading(line.trim(), ENTRY_LINE);
}

