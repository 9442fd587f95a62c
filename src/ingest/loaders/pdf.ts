import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { LoadError, type SourceDocument } from "../types.js";
import { type LaidOutLine, type LaidOutPage, reflowPdf } from "./pdf-layout.js";
import { boundedTitle, titleFromFileName } from "./titles.js";

/**
 * PDF through pdf.js: each page's lines with where they stand, put back into
 * paragraphs, headings and sections without running headers and footers
 * (pdf-layout.ts), with one `Page` per page so chunks (and so citations) carry
 * their page number. An encrypted or corrupt file becomes a LoadError naming it.
 */
export async function loadPdf(content: Buffer, source: string): Promise<SourceDocument> {
  // pdf.js may detach the buffer it is given: hand it a copy. Fonts are not compiled to code (isEvalSupported): only
  // text is wanted, and a crafted font must not run as a script.
  const task = pdfjs.getDocument({ data: new Uint8Array(content), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  try {
    const pdf = await task.promise;
    const pages: LaidOutPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const { items } = await page.getTextContent();
      pages.push({ number, lines: linesOf(items.filter((item): item is TextItem => "str" in item)) });
      page.cleanup();
    }
    const { info } = (await pdf.getMetadata()) as { info?: { Title?: unknown } };
    const { text, pages: spans, sections, firstHeading } = reflowPdf(pages);
    const metadataTitle = typeof info?.Title === "string" ? info.Title.trim() : "";
    const title = metadataTitle ? boundedTitle(metadataTitle) : firstHeading ? boundedTitle(firstHeading) : titleFromFileName(source);
    return { source, title, text, sections, pages: spans };
  } catch (error) {
    throw new LoadError(source, describePdfError(error), { cause: error });
  } finally {
    await task.destroy();
  }
}

/**
 * A page's text runs as lines: a run whose baseline is off the current line's by more than half its size starts the
 * next line, as does the run after one pdf.js marks as ending a line. Runs set apart on a line get a space between them.
 */
function linesOf(items: TextItem[]): LaidOutLine[] {
  const lines: LaidOutLine[] = [];
  let line: LaidOutLine | undefined;
  let ended = true;
  for (const item of items) {
    const [, , , scaleY, x, y] = item.transform as number[];
    const size = Math.abs(scaleY!) || item.height;
    const text = item.str.replace(/\s+/g, " ");
    if (text.trim()) {
      if (!line || ended || Math.abs(y! - line.y) > Math.max(size, line.size) / 2) {
        line = { text: text.trimStart(), y: y!, size, right: x! + item.width };
        lines.push(line);
      } else {
        const apart = x! - line.right > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(text);
        line.text += (apart ? " " : "") + text;
        line.size = Math.max(line.size, size);
        line.right = Math.max(line.right, x! + item.width);
      }
    }
    ended = item.hasEOL;
  }
  for (const l of lines) l.text = l.text.trimEnd();
  return lines;
}

function describePdfError(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === "PasswordException") return "is an encrypted PDF (needs a password); skipped";
  if (name === "InvalidPDFException" || name === "FormatError") return `is not a readable PDF (${(error as Error).message})`;
  return `could not be read as PDF: ${(error as Error)?.message ?? String(error)}`;
}
