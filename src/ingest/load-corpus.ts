/**
 * @module load-corpus
 * Walks the corpus folder and loads every supported file. A file that cannot
 * be read, or is over the size or time limit, is reported by name and
 * skipped; the rest is still loaded. Files are read here (asynchronous I/O)
 * and parsed and chunked in parse workers (parse-workers.ts), off the event loop.
 */
import { readFile as readFileWithCallback, realpath as realpathWithCallback, stat as statWithCallback } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { ChunkingOptions, LoadLimits } from "./types.js";
import { DEFAULT_LOAD_LIMITS, LoadError } from "./types.js";
import { loaders, loaderTypeOf } from "./loaders/index.js";
import type { ParsedFile } from "./parse-file.js";
import { ParseWorkers } from "./parse-workers.js";
import { mapInOrder } from "./in-order.js";

// The callback forms, promisified: per call they cost a fraction of node:fs/promises (no FileHandle,
// one read for a small file), which adds up to seconds over a corpus of tens of thousands of files.
export const readCorpusFile = promisify(readFileWithCallback);
export const statCorpusFile = promisify(statWithCallback);
const realpath = promisify(realpathWithCallback.native);

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
  /** Each loaded file's document and chunks, in file order. */
  parsed: ParsedFile[];
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

/** The extension whose loader reads a listed file: its declared type, else its name's; undefined when no loader does. */
export function loaderTypeOfFile(file: CorpusFile): string | undefined {
  if (!file.type) return loaderTypeOf(file.source);
  return Object.hasOwn(loaders, file.type) ? file.type : undefined;
}

/** How files are loaded: by which workers, chunked how, within which limits. */
export interface LoadOptions {
  parser: ParseWorkers;
  chunking: ChunkingOptions;
  limits: LoadLimits;
}

/**
 * Loads and chunks one file; throws a LoadError naming the file on any failure.
 * A link that leads outside the corpus is refused, so the index (and /sources)
 * only ever holds what the corpus folder holds; a file over the size limit is
 * refused before it is read, and one over the time limit while it is parsed.
 */
export async function loadFile(file: CorpusFile, type: string, corpusRoot: string | Promise<string>, { parser, chunking, limits }: LoadOptions): Promise<ParsedFile> {
  let bytes: Buffer;
  try {
    const [target, root] = await Promise.all([realpath(file.absolutePath), file.root ? realpath(file.root) : corpusRoot]);
    if (path.relative(root, target).startsWith("..") || path.isAbsolute(path.relative(root, target))) {
      throw new LoadError(file.source, "is a link to a file outside the corpus folder");
    }
    const { size } = await statCorpusFile(target);
    if (size > limits.maxFileBytes) {
      throw new LoadError(file.source, `is ${megabytes(size)}, over the file size limit of ${megabytes(limits.maxFileBytes)} (MAX_FILE_MB); skipped`);
    }
    bytes = await readCorpusFile(target);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError(file.source, describeReadError(error), { cause: error });
  }
  return parser.parse({ source: file.source, type, bytes, chunking }, limits.fileTimeoutMs);
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
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}

/** Splits listed files into those a loader handles and the names of the others. */
export function partitionSupported(files: CorpusFile[]): { supported: CorpusFile[]; skipped: string[] } {
  return {
    supported: files.filter((f) => loaderTypeOfFile(f)),
    skipped: files.filter((f) => !loaderTypeOfFile(f)).map((f) => f.source),
  };
}

// Files read at once: enough to overlap file-system round trips, few enough to keep memory and open files low.
export const FILES_IN_FLIGHT = 16;

/**
 * Loads and chunks supported files, results in file order. A file that fails
 * is reported by name and the rest are still loaded; `onLoaded` is told how
 * many files are done. An error that is not about one file (no parse worker
 * could start) fails the whole load.
 */
export async function loadFiles(
  files: CorpusFile[],
  corpusDir: string,
  options: LoadOptions,
  onLoaded?: (done: number) => void,
): Promise<Pick<LoadedCorpus, "parsed" | "failures">> {
  const root = await realpath(corpusDir);
  let done = 0;
  const outcomes = await mapInOrder(files, FILES_IN_FLIGHT, async (file) => {
    const outcome = await loadFile(file, loaderTypeOfFile(file)!, root, options).then(
      (parsed) => ({ parsed }),
      (error: Error) => {
        if (!(error instanceof LoadError)) throw error;
        return { failure: { source: file.source, message: error.message } };
      },
    );
    onLoaded?.(++done);
    return outcome;
  });
  return {
    parsed: outcomes.flatMap((o) => ("parsed" in o ? [o.parsed] : [])),
    failures: outcomes.flatMap((o) => ("failure" in o ? [o.failure] : [])),
  };
}

/** Loads and chunks a whole corpus folder, in parse workers started for it and stopped after. */
export async function loadCorpus(corpusDir: string, chunking: ChunkingOptions, limits: LoadLimits = DEFAULT_LOAD_LIMITS): Promise<LoadedCorpus> {
  const { supported, skipped } = partitionSupported(await listCorpusFiles(corpusDir));
  const parser = new ParseWorkers();
  try {
    return { ...(await loadFiles(supported, corpusDir, { parser, chunking, limits })), skipped };
  } finally {
    await parser.close();
  }
}
