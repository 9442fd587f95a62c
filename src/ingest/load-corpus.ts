/**
 * @module load-corpus
 * Walks the corpus folder and loads every supported file. A file that cannot
 * be read is reported by name and skipped; the rest is still loaded.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Loader, SourceDocument } from "./types.js";
import { LoadError } from "./types.js";
import { loadTxt } from "./loaders/txt.js";
import { loadMarkdown } from "./loaders/markdown.js";
import { loadHtml } from "./loaders/html.js";

/** Loaders by lower-case file extension. */
export const loaders: Record<string, Loader> = {
  ".txt": loadTxt,
  ".text": loadTxt,
  ".md": loadMarkdown,
  ".markdown": loadMarkdown,
  ".html": loadHtml,
  ".htm": loadHtml,
};

export interface CorpusFile {
  /** Path relative to the corpus folder, forward slashes. */
  source: string;
  absolutePath: string;
}

export interface LoadFailure {
  source: string;
  message: string;
}

export interface LoadedCorpus {
  documents: SourceDocument[];
  failures: LoadFailure[];
  /** Files with an extension no loader handles. */
  skipped: string[];
}

/** Lists the files below `corpusDir` (hidden files and folders excluded), sorted by path. */
export async function listCorpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  const entries = await readdir(corpusDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((absolutePath) => ({ absolutePath, source: path.relative(corpusDir, absolutePath).split(path.sep).join("/") }))
    .filter((f) => !f.source.split("/").some((part) => part.startsWith(".")))
    .sort((a, b) => (a.source < b.source ? -1 : 1));
}

export function loaderFor(source: string): Loader | undefined {
  return loaders[path.extname(source).toLowerCase()];
}

/** Loads one file; throws a LoadError naming the file on any failure. */
export async function loadFile(file: CorpusFile, loader: Loader): Promise<SourceDocument> {
  try {
    return await loader(await readFile(file.absolutePath), file.source);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadError(file.source, reason, { cause: error });
  }
}

export async function loadCorpus(corpusDir: string): Promise<LoadedCorpus> {
  const result: LoadedCorpus = { documents: [], failures: [], skipped: [] };
  for (const file of await listCorpusFiles(corpusDir)) {
    const loader = loaderFor(file.source);
    if (!loader) {
      result.skipped.push(file.source);
      continue;
    }
    try {
      result.documents.push(await loadFile(file, loader));
    } catch (error) {
      result.failures.push({ source: file.source, message: (error as Error).message });
    }
  }
  return result;
}
