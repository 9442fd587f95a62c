import { PDFParse } from "pdf-parse";
import { LoadError, type Page, type SourceDocument } from "../types.js";
import { boundedTitle, titleFromFileName } from "./titles.js";

// Blank lines between pages keep the sentence splitter from joining the last
// sentence of one page with the first of the next.
const PAGE_SEPARATOR = "\n\n";

/**
 * PDF through pdf-parse (pdf.js): the text of each page, joined, with one
 * `Page` per page so chunks (and so citations) carry their page number. An
 * encrypted or corrupt file becomes a LoadError naming it.
 */
export async function loadPdf(content: Buffer, source: string): Promise<SourceDocument> {
  // pdf.js may detach the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    const result = await parser.getText();
    const info = await parser.getInfo();
    let text = "";
    const pages: Page[] = [];
    for (const page of result.pages) {
      const pageText = page.text.trim();
      if (!pageText) continue;
      if (text) text += PAGE_SEPARATOR;
      pages.push({ number: page.num, start: text.length, end: text.length + pageText.length });
      text += pageText;
    }
    const title = typeof info.info?.Title === "string" && info.info.Title.trim() ? boundedTitle(info.info.Title) : titleFromFileName(source);
    return { source, title, text, sections: [], pages };
  } catch (error) {
    throw new LoadError(source, describePdfError(error), { cause: error });
  } finally {
    await parser.destroy();
  }
}

function describePdfError(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === "PasswordException") return "is an encrypted PDF (needs a password); skipped";
  if (name === "InvalidPDFException" || name === "FormatError") return `is not a readable PDF (${(error as Error).message})`;
  return `could not be read as PDF: ${(error as Error)?.message ?? String(error)}`;
}
