/**
 * @module loaders
 * The loader of each supported file type, by lower-case extension. Imported by
 * the parse worker, which runs them, and by the code that decides which files
 * can be indexed or uploaded.
 */
import path from "node:path";
import type { Loader } from "../types.js";
import { loadTxt } from "./txt.js";
import { loadMarkdown } from "./markdown.js";
import { loadHtml } from "./html.js";
import { loadPdf } from "./pdf.js";

/**
 * Each loader with its version, which every file record names ("txt@2"). Raise a version when its loader changes what
 * it makes of a file (text, title, sections, pages), or when what is made of its text changes (its sentences, so its
 * chunks; its index terms): the next build then reads that loader's files again, although their contents have not
 * changed, instead of keeping the chunks made of them before.
 */
// txt 2: a short line standing alone starts a section (a heading). txt 3, markdown 2: a sentence runs on over lines
// wrapped to a width (sentences.ts), so chunks no longer end at such a line's end. html 2: the page's navigation,
// header and footer are left out; html 3: a table's cells are set apart. pdf 2: lines rebuilt into paragraphs and
// headings, no running header or footer. txt 4, markdown 3, html 4, pdf 3: a hyphenated compound is also indexed
// joined ("Wi-Fi" as "wifi", tokenize.ts). txt 5: a heading's text may follow on the very next line. txt 6, markdown 4:
// the lines of a fenced code block are never read as wrapped ("cd tidewater" after "git clone …" is a command). html
// 5: a definition list's term stands on one line with its definition. html 6: <pre> keeps its lines, between fences.
// txt 7: a numbered heading ("1. Winter fair"); txt 7, markdown 5: a line led by a label ("Apologies: …") is no wrap.
// txt 8, markdown 6, html 7, pdf 4: an irregular plural is indexed as its singular ("children" as "child"). html 8: a
// list item is written with its marker ("1.", "-"), as in Markdown. txt 9, markdown 7, html 9, pdf 5: more irregular
// past forms are indexed as their verb ("frozen" as "freeze", "broken" as "break"). markdown 8, html 10: a table's row
// is one sentence, whatever full stops its cells hold. txt 10, markdown 9, html 11, pdf 6: the indefinite pronouns
// ("something", "anyone") are stop words. txt 11, markdown 10, html 12, pdf 7: a compound with a particle is also a
// term joined ("check-out" is "checkout"). txt 12, markdown 11, html 13, pdf 8: contractions are undone ("don't" is no
// "don"). txt 13: a heading framed or underlined by rule lines ("-----"); a table set out in columns is written as
// Markdown's. txt 13, markdown 12, html 14, pdf 9: a list item runs on over the lines indented under it. txt 14,
// markdown 13, html 15, pdf 10: so does a line led by a label ("ACTION: …"), onto a line in lower case or indented.
// txt 15, markdown 14, html 16, pdf 11: a line with dot leaders ("Adult ........ £12.00") is one sentence. txt 16: a
// line with lines indented under it heads them, digits and all ("Tray 1 (main tray)"); txt 16, markdown 17, html 18,
// pdf 12: a line set out in columns is one sentence, and "ext. 4437" is not cut after "ext.". txt 17, markdown 18,
// html 19, pdf 13: nor "part no. AC-F220" after "no.". txt 18, markdown 19, html 20, pdf 14: forms of short verbs the
// stemmer mistakes are indexed as their verb ("goes" as "go", "tried" as "try"), and "skies" as "sky", not "ski"; the
// words a chat message is filled with ("actually", "guys") are stop words, and a rule line ("-----") is no part of
// the sentence under it. txt 19, markdown 20, html 21, pdf 15: "constructor" is indexed as a word, not as the source of
// Object's constructor (irregular-forms.ts), nor "constructorn't" (tokenize.ts). html 22: a page's footer with a
// heading of its own ("Contact and opening times") is a section of the page, not its chrome; txt 20, markdown 21,
// html 22, pdf 16: two dots between spaces lead a label to its value ("Bicycles, strollers, large items .. $15.00"),
// and a word of how often is indexed as its period ("monthly" as "month", "annual" as "year"). txt 21, markdown 22,
// html 23, pdf 17: a time of day's "p.m." does not end a sentence before its time zone ("10 p.m. ET."). txt 22,
// markdown 23, html 24, pdf 18: a timetable's short day is indexed as the day ("Fri 3:00 pm" as "Friday", tokenize.ts).
// txt 23, markdown 24, html 25, pdf 19: a title after Markdown emphasis ("**St. Luke's") and a time zone's name alone
// after "p.m." ("11:59 p.m. Central") end no sentence.
const TXT = { load: loadTxt, version: "txt@23" };
const MARKDOWN = { load: loadMarkdown, version: "markdown@24" };
const HTML = { load: loadHtml, version: "html@25" };
const PDF = { load: loadPdf, version: "pdf@19" };
const BY_TYPE: Record<string, { load: Loader; version: string }> = { ".txt": TXT, ".text": TXT, ".md": MARKDOWN, ".markdown": MARKDOWN, ".html": HTML, ".htm": HTML, ".pdf": PDF };

/** Loaders by lower-case file extension. */
export const loaders: Record<string, Loader> = Object.fromEntries(Object.entries(BY_TYPE).map(([type, { load }]) => [type, load]));

/** The name and version of the loader of `type` (an extension, as in `loaders`). */
export function loaderVersion(type: string): string | undefined {
  return Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type]!.version : undefined;
}

/** The extension whose loader reads `source`, when one does. */
export function loaderTypeOf(source: string): string | undefined {
  const type = path.extname(source).toLowerCase();
  return Object.hasOwn(loaders, type) ? type : undefined;
}

export function loaderFor(source: string): Loader | undefined {
  const type = loaderTypeOf(source);
  return type ? loaders[type] : undefined;
}
