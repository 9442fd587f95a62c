import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { Section, SourceDocument } from "../types.js";
import { decodeText } from "./decode-text.js";
import { boundedTitle, titleFromFileName } from "./titles.js";

const INVISIBLE = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]);
// Elements whose content a reader never sees as page text: form fields hold values, not prose.
const NOT_TEXT = new Set(["template", "textarea", "input", "select", "option", "datalist", "button"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tr", "ul",
]);
const HEADING = /^h([1-6])$/;
// Elements that head what follows without being h1–h6, a level below the heading they are under: a <details>'s
// <summary>, and a paragraph that is one <strong> or <b> alone ("<p><strong>Can I bring my dog?</strong></p>"), as FAQs
// write their questions (markdown.ts reads a line in bold so too).
const EMPHASIS = new Set(["strong", "b"]);
const MAX_EMPHASIS_HEADING = 100;
// A table's cells stand on one line (a row is a block), set apart as in a Markdown table: "London | 140 pounds", not
// "London140 pounds".
const CELL = new Set(["td", "th"]);
const CELL_SEPARATOR = " | ";
// A definition list's term and its definition stand on one line, "PTO: Paid time off …": each on a line of its own,
// the term alone was a sentence, quoted as the answer to "What is PTO?".
const TERM_SEPARATOR = ": ";
// Preformatted text (<pre>, code) keeps its lines, between fences as in Markdown, so that its lines are read as code,
// one command per line: collapsed, "git clone … cd t npm install" was one sentence.
const CODE_FENCE = "```";
// Page chrome, not the document: navigation always; on a page that marks where its content is (a <main> or an
// <article>), a header or footer of the page as a whole — HTML's banner and contentinfo (a <header> inside an
// <article>, <section> or <main> is that part's own). A page marking no content may well head itself with its title
// and author in a <header>, so there they stay. A footer with a heading of its own is a section of the page: "Contact
// and opening times" above a vet's address, phone numbers, hours and emergency number had been left out, and "out of
// hours emergency vet number" could not be answered; a copyright line or a menu has no heading.
const NAVIGATION_ROLES = new Set(["navigation", "search"]);
const PAGE_LEVEL_ROLES = new Set(["banner", "contentinfo"]);
const SECTIONING = new Set(["article", "aside", "main", "nav", "section"]);
const CONTENT = new Set(["main", "article"]);

/**
 * HTML: the visible text, parsed by cheerio (a real HTML parser), with block
 * elements on their own lines and h1–h6 starting sections. Offsets point into
 * that extracted text, which the index stores and serves as the source.
 *
 * Text a visitor cannot see is not indexed, so it can be neither retrieved nor
 * cited: besides scripts and the like, elements marked `hidden` or
 * `aria-hidden="true"`, styled `display: none` or `visibility: hidden` inline,
 * form fields and closed dialogs. Nor is the page's chrome: its navigation,
 * and the header and footer of the page as a whole ("Intranet IT HR",
 * "© 2025 …"), which are not what the document says; quoted as an answer,
 * a menu answers nothing. The tree is walked once, with an explicit
 * stack, and the text written through a TextWriter: neither deep nesting (the
 * call stack, CSS selector matching) nor many small nodes (re-scanning the
 * text so far) cost more than the size of the page.
 */
export function loadHtml(content: Buffer, source: string): SourceDocument {
  const $ = cheerio.load(decodeText(content, source));
  let pageTitle = "";

  const out = new TextWriter();
  const sections: Section[] = [];
  const headings: { element: Element; level: number; title: string; from: number; section: Section }[] = [];
  // The level of the last h1–h6 met: a heading of another kind is one below it.
  let headingLevel = 0;
  let firstH1 = "";
  // Each entry is a node to visit, or the element whose children are done (its closing tag).
  const stack: { node: AnyNode; closing: boolean }[] = [];
  // Inside <pre>: its lines are kept.
  let preformatted = 0;
  const itemNumbers = new Map<Element, number>();
  const roots = $.root().contents().toArray();
  // Asked only when a header or footer is met outside a section: most pages are walked once.
  let marksContent: boolean | undefined;
  const pageMarksContent = () => (marksContent ??= hasContentElement(roots));
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, closing: false });
  while (stack.length) {
    const { node, closing } = stack.pop()!;
    if (node.type === "text") {
      if (preformatted > 0) out.writeLines(node.data);
      else out.write(node.data);
      continue;
    }
    if (node.type !== "tag") continue;
    const element = node as Element;
    const isBlock = BLOCK.has(element.name);
    if (closing) {
      // The heading's title is the text written inside it, so hidden parts of a heading are left out too.
      const open = headings.at(-1);
      if (open && open.from >= 0 && open.element === element) {
        open.title = boundedTitle(out.since(open.from));
        open.from = -1;
        open.section.headingPath[open.section.headingPath.length - 1] = open.title;
        if (element.name === "h1" && !firstH1) firstH1 = open.title;
      }
      if (element.name === "pre") {
        preformatted--;
        out.newline(1);
        out.write(CODE_FENCE);
      }
      if (isBlock && !(element.name === "dt" && nextTagName(element) === "dd")) out.newline(element.name === "br" ? 1 : 2);
      continue;
    }
    if (element.name === "title" || element.name === "head") pageTitle ||= titleIn(element);
    if (INVISIBLE.has(element.name) || isHidden(element) || isPageChrome(element, pageMarksContent)) continue;
    const definesTerm = element.name === "dd" && previousTagName(element) === "dt";
    if (definesTerm) out.write(out.since(out.length - 1) === ":" ? " " : TERM_SEPARATOR);
    else if (isBlock) out.newline(element.name === "br" ? 1 : 2);
    if (CELL.has(element.name) && CELL.has(previousTagName(element) ?? "")) out.write(CELL_SEPARATOR);
    if (element.name === "li") out.write(`${listMarker(element, itemNumbers)} `);
    if (element.name === "pre") {
      preformatted++;
      out.write(CODE_FENCE);
      out.newline(1);
    }
    const heading = HEADING.exec(element.name);
    if (heading) headingLevel = Number(heading[1]);
    const level = heading ? headingLevel : headsWhatFollows(element) ? headingLevel + 1 : undefined;
    if (level !== undefined) {
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      const section = { start: out.length, headingPath: [...headings.map((h) => h.title), ""] };
      headings.push({ element, level, title: "", from: out.length, section });
      sections.push(section);
    }
    stack.push({ node, closing: true });
    for (let i = element.children.length - 1; i >= 0; i--) stack.push({ node: element.children[i]!, closing: false });
  }
  const text = out.finish(); // the writer never emits leading white space, so offsets stay valid
  for (const s of sections) s.start = Math.min(s.start, text.length);
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });
  return { source, title: pageTitle || firstH1 || titleFromFileName(source), text, sections };
}

/** The text of a <title> (its only child is text), or of the first <title> directly in <head>, where the parser puts it. */
function titleIn(element: Element): string {
  const title = element.name === "title" ? element : element.children.find((c): c is Element => c.type === "tag" && (c as Element).name === "title");
  return title ? boundedTitle(title.children.map((c) => (c.type === "text" ? c.data : "")).join("")) : "";
}

function isPageChrome(element: Element, pageMarksContent: () => boolean): boolean {
  const role = element.attribs.role?.trim().toLowerCase() ?? "";
  if (element.name === "nav" || NAVIGATION_ROLES.has(role)) return true;
  if (element.name !== "header" && element.name !== "footer" && !PAGE_LEVEL_ROLES.has(role)) return false;
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (parent.type === "tag" && SECTIONING.has((parent as Element).name)) return false;
  }
  const footer = element.name === "footer" || role === "contentinfo";
  return pageMarksContent() && !(footer && holdsHeading(element));
}

/** Whether any element among the nodes or under them passes the test (walked with a stack, as the page is). */
function someElement(nodes: AnyNode[], test: (element: Element) => boolean): boolean {
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== "tag") continue;
    const element = node as Element;
    if (test(element)) return true;
    for (const child of element.children) stack.push(child);
  }
  return false;
}

/** Whether the page has a <main>, an <article> or an element of role main. */
const hasContentElement = (roots: AnyNode[]) =>
  someElement(roots, (element) => CONTENT.has(element.name) || element.attribs.role?.trim().toLowerCase() === "main");
const holdsHeading = (element: Element) => someElement(element.children, (inner) => /^h[1-6]$/.test(inner.name));

/**
 * A list item's marker, as Markdown writes it: "1." (counting from an <ol>'s `start`) or "-". Without it the items of
 * a list were lines like any other, and "How do I reset my password?" got one step, not the list. Items are met in
 * document order, so each <ol>'s next number is kept (`numbers`) rather than its earlier items counted again.
 */
function listMarker(item: Element, numbers: Map<Element, number>): string {
  const list = item.parent?.type === "tag" ? (item.parent as Element) : undefined;
  if (list?.name !== "ol") return "-";
  const start = Number.parseInt(list.attribs.start ?? "", 10);
  const number = numbers.get(list) ?? (Number.isFinite(start) ? start : 1);
  numbers.set(list, number + 1);
  return `${number}.`;
}

/** A <details>'s <summary>, or a paragraph that is a short <strong> or <b> alone. */
function headsWhatFollows(element: Element): boolean {
  if (element.name === "summary") return element.parent?.type === "tag" && (element.parent as Element).name === "details";
  if (element.name !== "p") return false;
  const parts = element.children.filter((child) => child.type !== "text" || child.data.trim() !== "");
  const [only] = parts;
  return parts.length === 1 && only!.type === "tag" && EMPHASIS.has((only as Element).name) && textLength(only as Element, MAX_EMPHASIS_HEADING + 1) <= MAX_EMPHASIS_HEADING;
}

/** The length of the text inside `element`, counted up to `limit` (with a stack: nesting may be deep). */
function textLength(element: Element, limit: number): number {
  let length = 0;
  const pending: AnyNode[] = [...element.children];
  while (pending.length && length < limit) {
    const node = pending.pop()!;
    if (node.type === "text") length += node.data.trim().length;
    else if (node.type === "tag") pending.push(...(node as Element).children);
  }
  return length;
}

/** The name of the element before this one among its siblings (text between them aside). */
function previousTagName(element: Element): string | undefined {
  for (let sibling = element.prev; sibling; sibling = sibling.prev) if (sibling.type === "tag") return (sibling as Element).name;
  return undefined;
}

/** The name of the element after this one among its siblings (text between them aside). */
function nextTagName(element: Element): string | undefined {
  for (let sibling = element.next; sibling; sibling = sibling.next) if (sibling.type === "tag") return (sibling as Element).name;
  return undefined;
}

function isHidden(element: Element): boolean {
  const { attribs, name } = element;
  if (NOT_TEXT.has(name)) return true;
  if (name === "dialog" && attribs.open === undefined) return true;
  if (attribs.hidden !== undefined) return true;
  if (attribs["aria-hidden"]?.trim().toLowerCase() === "true") return true;
  return attribs.style !== undefined && hidesByStyle(attribs.style);
}

/** `display: none` or `visibility: hidden|collapse` among inline declarations (split by hand: no pattern to backtrack). */
function hidesByStyle(style: string): boolean {
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!important/i, "").trim().toLowerCase();
    if (property === "display" && value === "none") return true;
    if (property === "visibility" && (value === "hidden" || value === "collapse")) return true;
  }
  return false;
}

/**
 * Extracted text, appended piece by piece: white space collapsed to one space,
 * no space at the start of a line, at most the asked-for line breaks between
 * blocks. It remembers what it last wrote instead of looking at the text so
 * far, so every write costs the size of the piece, not of the page.
 */
class TextWriter {
  private readonly pieces: string[] = [];
  private readonly pieceStarts: number[] = [];
  /** Length written, not counting a pending space. */
  length = 0;
  private pendingSpace = false;
  private trailingNewlines = 0;

  write(data: string): void {
    let value = data.replace(/\s+/g, " ");
    if (this.pendingSpace || this.length === 0 || this.trailingNewlines > 0) value = value.replace(/^ /, "");
    if (!value) return;
    const endsWithSpace = value.endsWith(" ");
    if (endsWithSpace) value = value.slice(0, -1);
    if (value) {
      this.append((this.pendingSpace ? " " : "") + value);
      this.trailingNewlines = 0;
      this.pendingSpace = false;
    }
    if (endsWithSpace) this.pendingSpace = true;
  }

  /** Preformatted text: each of its lines on a line of its own (white space within a line collapsed, blank lines dropped). */
  writeLines(data: string): void {
    const lines = data.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (i > 0) this.newline(1);
      this.write(line);
    });
  }

  newline(count: number): void {
    this.pendingSpace = false;
    if (this.length === 0) return;
    const missing = count - this.trailingNewlines;
    if (missing > 0) {
      this.append("\n".repeat(missing));
      this.trailingNewlines = count;
    }
  }

  /** The text written from offset `from` on, white space collapsed. */
  since(from: number): string {
    let first = this.pieceStarts.length;
    while (first > 0 && this.pieceStarts[first - 1]! + this.pieces[first - 1]!.length > from) first--;
    const joined = this.pieces.slice(first).join("");
    return joined.slice(Math.max(0, from - (this.pieceStarts[first] ?? from))).replace(/\s+/g, " ");
  }

  finish(): string {
    return this.pieces.join("").slice(0, this.length - this.trailingNewlines);
  }

  private append(piece: string): void {
    this.pieceStarts.push(this.length);
    this.pieces.push(piece);
    this.length += piece.length;
  }
}
