import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { Section, SourceDocument } from "../types.js";
import { decodeText, titleFromFileName } from "./text.js";

const INVISIBLE = "script, style, noscript, template, head, svg, iframe, object";
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tr", "ul",
]);
const HEADING = /^h([1-6])$/;

/**
 * HTML: the visible text, parsed by cheerio (a real HTML parser), with block
 * elements on their own lines and h1–h6 starting sections. Offsets point into
 * that extracted text, which the index stores and serves as the source.
 */
export function loadHtml(content: Buffer, source: string): SourceDocument {
  const $ = cheerio.load(decodeText(content, source));
  const pageTitle = $("title").first().text().trim();
  $(INVISIBLE).remove();

  let text = "";
  const sections: Section[] = [];
  const headings: { level: number; title: string }[] = [];
  const newline = (count: number) => {
    text = text.replace(/[ \t]+$/, "");
    const have = /\n*$/.exec(text)![0].length;
    if (text) text += "\n".repeat(Math.max(0, count - have));
  };
  const walk = (node: AnyNode) => {
    if (node.type === "text") {
      const value = node.data.replace(/\s+/g, " ");
      text += /(^|\n| )$/.test(text) ? value.replace(/^ /, "") : value;
      return;
    }
    if (node.type !== "tag") return;
    const element = node as Element;
    const isBlock = BLOCK.has(element.name);
    const heading = HEADING.exec(element.name);
    if (isBlock) newline(element.name === "br" ? 1 : 2);
    if (heading) {
      const level = Number(heading[1]);
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, title: $(element).text().replace(/\s+/g, " ").trim() });
      sections.push({ start: text.length, headingPath: headings.map((h) => h.title) });
    }
    for (const child of element.children) walk(child);
    if (isBlock) newline(element.name === "br" ? 1 : 2);
  };
  for (const child of $("body").length ? $("body").contents() : $.root().contents()) walk(child);
  text = text.trimEnd(); // the walk never emits leading white space, so offsets stay valid
  for (const s of sections) s.start = Math.min(s.start, text.length);
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });

  const h1 = $("h1").first().text().replace(/\s+/g, " ").trim();
  return { source, title: pageTitle || h1 || titleFromFileName(source), text, sections };
}
