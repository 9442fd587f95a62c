/** A section of a document: from `start` until the next section, under `headingPath`. */
export interface Section {
  start: number;
  headingPath: string[];
}

/** A page of a paginated document (PDF): characters [start, end) of the document text. */
export interface Page {
  number: number;
  start: number;
  end: number;
}

/** A loaded document: the text that chunk offsets point into, and its structure. */
export interface SourceDocument {
  /** Path relative to the corpus folder, with forward slashes: the document's identity. */
  source: string;
  title: string;
  text: string;
  sections: Section[];
  pages?: Page[];
}

export interface ChunkingOptions {
  size: number;
  overlap: number;
}

/** Bounds on what one corpus file may cost to load; a file over them is skipped and reported by name. */
export interface LoadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Longest time one file may take to be parsed and chunked (in a worker thread, which is replaced when it is over). */
  fileTimeoutMs: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxFileBytes: 20 * 1024 * 1024, fileTimeoutMs: 10_000 };

/** Turns one file's bytes into a document; throws a LoadError when the file cannot be read. */
export type Loader = (content: Buffer, source: string) => Promise<SourceDocument> | SourceDocument;

export class LoadError extends Error {
  override name = "LoadError";
  constructor(
    readonly source: string,
    /** What is wrong with the file, without its name (the message leads with the name). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${reason}`, options);
  }
}
