/**
 * @module load-corpus
 * Walks the corpus folder and loads every supported file. A file that cannot
 * be read is reported by name and skipped; the rest is still loaded.
 */
import { readFile as readFileWithCallback, realpath as realpathWithCallback, stat as statWithCallback } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Loader, LoadLimits, SourceDocument } from "./types.js";
import { DEFAULT_LOAD_LIMITS, LoadError } from "./types.js";
import { loadTxt } from "./loaders/txt.js";
import { loadMarkdown } from "./loaders/markdown.js";
import { loadHtml } from "./loaders/html.js";
import { loadPdf } from "./loaders/pdf.js";
import { mapInOrder } from "./in-order.js";

// The callback forms, promisified: per call they cost a fraction of node:fs/promises (no FileHandle,
// one read for a small file), which adds up to seconds over a corpus of tens of thousands of files.
export const readCorpusFile = promisify(readFileWithCallback);
export const statCorpusFile = promisify(statWithCallback);
const realpath = promisify(realpathWithCallback.native);

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

export interface CorpusFile {
  /** Path relative to the corpus folder, forward slashes (or, for a crawled page, its URL). */
  source: string;
  absolutePath: string;
  /** The extension whose loader reads the file, when the source has none (a URL); default: the source's. */
  type?: string;
  /** The folder the file must stay inside, links resolved; default: the corpus folder. */
  root?: string;
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

/** Lists the files (and symbolic links) below `corpusDir`, hidden ones excluded, sorted by path. */
export async function listCorpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  const entries = await readdir(corpusDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.join(e.parentPath, e.name))
    .map((absolutePath) => ({ absolutePath, source: path.relative(corpusDir, absolutePath).split(path.sep).join("/") }))
    .filter((f) => !f.source.split("/").some((part) => part.startsWith(".")))
    .sort((a, b) => (a.source < b.source ? -1 : 1));
}

export function loaderFor(source: string): Loader | undefined {
  return loaders[path.extname(source).toLowerCase()];
}

/** The loader of a listed file: by its declared type, else by its name. */
export function loaderOf(file: CorpusFile): Loader | undefined {
  return file.type ? loaders[file.type] : loaderFor(file.source);
}

/**
 * Loads one file; throws a LoadError naming the file on any failure. A link
 * that leads outside the corpus is refused, so the index (and /sources) only
 * ever holds what the corpus folder holds; a file over the size limit is
 * refused before it is read.
 */
export async function loadFile(
  file: CorpusFile,
  loader: Loader,
  corpusDir: string,
  corpusRoot: string | Promise<string> = realpath(corpusDir),
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): Promise<SourceDocument> {
  try {
    const [target, root] = await Promise.all([realpath(file.absolutePath), file.root ? realpath(file.root) : corpusRoot]);
    if (path.relative(root, target).startsWith("..") || path.isAbsolute(path.relative(root, target))) {
      throw new LoadError(file.source, "is a link to a file outside the corpus folder");
    }
    const { size } = await statCorpusFile(target);
    if (size > limits.maxFileBytes) {
      throw new LoadError(file.source, `is ${megabytes(size)}, over the file size limit of ${megabytes(limits.maxFileBytes)} (MAX_FILE_MB); skipped`);
    }
    return await loader(await readCorpusFile(target), file.source);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError(file.source, describeReadError(error), { cause: error });
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: "cannot be read: it (or the file a link points to) does not exist",
  EACCES: "cannot be read: permission denied",
  EISDIR: "is a folder, not a file",
  ELOOP: "cannot be read: the link points to itself",
};

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && READ_ERRORS[code]) return READ_ERRORS[code];
  return `cannot be parsed: ${error instanceof Error ? error.message : String(error)}`;
}

/** Splits listed files into those a loader handles and the names of the others. */
export function partitionSupported(files: CorpusFile[]): { supported: CorpusFile[]; skipped: string[] } {
  return {
    supported: files.filter((f) => loaderOf(f)),
    skipped: files.filter((f) => !loaderOf(f)).map((f) => f.source),
  };
}

// Files read at once: enough to overlap file-system round trips, few enough to keep memory and open files low.
export const FILES_IN_FLIGHT = 16;

/**
 * Loads supported files, results in file order. A file that fails is reported
 * by name and the rest are still loaded; `onLoaded` is told how many files are done.
 */
export async function loadFiles(
  files: CorpusFile[],
  corpusDir: string,
  onLoaded?: (done: number) => void,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): Promise<Pick<LoadedCorpus, "documents" | "failures">> {
  const root = await realpath(corpusDir);
  let done = 0;
  const outcomes = await mapInOrder(files, FILES_IN_FLIGHT, async (file) => {
    const outcome = await loadFile(file, loaderOf(file)!, corpusDir, root, limits).then(
      (document) => ({ document }),
      (error: Error) => ({ failure: { source: file.source, message: error.message } }),
    );
    onLoaded?.(++done);
    return outcome;
  });
  return {
    documents: outcomes.flatMap((o) => ("document" in o ? [o.document] : [])),
    failures: outcomes.flatMap((o) => ("failure" in o ? [o.failure] : [])),
  };
}

export async function loadCorpus(corpusDir: string): Promise<LoadedCorpus> {
  const { supported, skipped } = partitionSupported(await listCorpusFiles(corpusDir));
  return { ...(await loadFiles(supported, corpusDir)), skipped };
}
