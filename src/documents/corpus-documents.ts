/**
 * @module corpus-documents
 * Writing and deleting documents in the corpus folder on an operator's behalf
 * (the admin page and API). A name comes from the network, so it is normalised
 * (Unicode NFC, POSIX separators) and refused when it is absolute, climbs out
 * with `..`, names a hidden file, or reaches outside the folder through a
 * symbolic link; nothing outside the corpus folder can be written or deleted.
 * A file is written aside under a hidden name and renamed into place, so the
 * indexer (and a crash) never sees half a file.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loaderFor, loaders } from "../ingest/loaders/index.js";
import { DocumentError } from "./errors.js";

export interface CorpusDocumentsOptions {
  corpusDir: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

// Longest file or folder name most file systems accept.
const MAX_SEGMENT_BYTES = 255;
// Control characters, and characters Windows refuses, so a corpus can be copied anywhere.
const FORBIDDEN = /[\u0000-\u001f\u007f\\:*?"<>|]/;

export class CorpusDocuments {
  constructor(private readonly options: CorpusDocumentsOptions) {}

  /** The file types a loader reads, as extensions with the dot (".md", ".pdf", …). */
  static get supportedTypes(): string[] {
    return Object.keys(loaders);
  }

  /**
   * The normalised corpus-relative name (forward slashes) of `name`, or a
   * DocumentError("invalid-name") saying what is wrong with it.
   */
  static normaliseName(name: string): string {
    const trimmed = name.normalize("NFC").trim();
    if (!trimmed) throw new DocumentError("invalid-name", "The document name is empty.");
    if (trimmed.startsWith("/") || /^[a-z]:/i.test(trimmed) || trimmed.startsWith("\\\\")) {
      throw new DocumentError("invalid-name", `"${name}" is an absolute path; give a name inside the corpus folder, like reports/2024.md.`);
    }
    if (FORBIDDEN.test(trimmed)) throw new DocumentError("invalid-name", `"${name}" contains characters a file name may not hold (\\ : * ? " < > | or control characters).`);
    const segments = trimmed.split("/");
    if (segments.includes("..")) throw new DocumentError("invalid-name", `"${name}" leads out of the corpus folder.`);
    const parts = segments.filter((s) => s !== "" && s !== ".").map((s) => s.trim());
    if (!parts.length) throw new DocumentError("invalid-name", `"${name}" names no file.`);
    if (parts.some((p) => p.startsWith("."))) throw new DocumentError("invalid-name", `"${name}" names a hidden file or folder, which the corpus ignores.`);
    if (parts.some((p) => Buffer.byteLength(p) > MAX_SEGMENT_BYTES)) throw new DocumentError("invalid-name", `"${name}" has a part longer than ${MAX_SEGMENT_BYTES} bytes.`);
    return parts.join("/");
  }

  /** Writes `content` as the document `name` (replacing it if it exists); returns the normalised name. */
  async put(name: string, content: Buffer): Promise<string> {
    const source = CorpusDocuments.normaliseName(name);
    if (!loaderFor(source)) {
      throw new DocumentError(
        "unsupported-type",
        `"${source}": ${path.extname(source) || "files without an extension"} cannot be indexed; supported types: ${CorpusDocuments.supportedTypes.join(", ")}.`,
      );
    }
    if (content.length > this.options.maxBytes) {
      throw new DocumentError("too-large", `"${source}" is ${formatBytes(content.length)}; documents may be at most ${formatBytes(this.options.maxBytes)}.`);
    }
    if (!content.length) throw new DocumentError("empty", `"${source}" is empty.`);
    const target = await this.confined(source);
    await mkdir(path.dirname(target), { recursive: true });
    await this.confined(source); // again, now that the folders exist: none of them may be a link leading out
    const existing = await lstat(target).catch(() => undefined);
    if (existing && !existing.isFile()) throw new DocumentError("invalid-name", `"${source}" is a folder or a link, not a document.`);
    const draft = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.upload`);
    try {
      await writeFile(draft, content, { flag: "wx" });
      await rename(draft, target);
    } catch (error) {
      await rm(draft, { force: true });
      throw error;
    }
    return source;
  }

  /** Deletes the document `name`; returns its normalised name. */
  async remove(name: string): Promise<string> {
    const source = CorpusDocuments.normaliseName(name);
    const target = await this.confined(source);
    const existing = await lstat(target).catch(() => undefined);
    if (!existing?.isFile()) throw new DocumentError("not-found", `There is no document "${source}" in the corpus.`);
    await rm(target);
    return source;
  }

  /**
   * The absolute path of `source`, after checking that its deepest existing
   * folder, links resolved, is inside the corpus folder.
   */
  private async confined(source: string): Promise<string> {
    const root = await realpath(this.options.corpusDir);
    const target = path.join(root, ...source.split("/"));
    let folder = path.dirname(target);
    for (;;) {
      const real = await realpath(folder).catch(() => undefined);
      if (real !== undefined) {
        const relative = path.relative(root, real);
        if (relative.startsWith("..") || path.isAbsolute(relative)) {
          throw new DocumentError("invalid-name", `"${source}" leads out of the corpus folder through a link.`);
        }
        return target;
      }
      folder = path.dirname(folder);
    }
  }
}

/** "1.5 MB", "820 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
