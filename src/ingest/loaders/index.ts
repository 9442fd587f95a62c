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

/** Loaders by lower-case file extension. */
export const loaders: Record<string, Loader> = {
  ".txt": loadTxt,
  ".text": loadTxt,
  ".md": loadMarkdown,
  ".markdown": loadMarkdown,
  ".html": loadHtml,
  ".htm": loadHtml,
  ".pdf": loadPdf,
};

/** The extension whose loader reads `source`, when one does. */
export function loaderTypeOf(source: string): string | undefined {
  const type = path.extname(source).toLowerCase();
  return Object.hasOwn(loaders, type) ? type : undefined;
}

export function loaderFor(source: string): Loader | undefined {
  const type = loaderTypeOf(source);
  return type ? loaders[type] : undefined;
}
