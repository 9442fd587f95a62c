/**
 * @module document-catalog
 * What the admin page's table shows: every document the corpus folder holds or
 * the live index serves, with its status. The corpus folder says what is
 * there now, the live generation's records what was indexed (and what could
 * not be read, with the reason), so a file changed or added since the last
 * reindex shows as pending rather than as indexed.
 */
import { isLoaded } from "../store/loaded-snapshot.js";
import path from "node:path";
import { FILES_IN_FLIGHT, listCorpusFiles, statCorpusFile } from "../ingest/load-corpus.js";
import { loaderFor } from "../ingest/loaders/index.js";
import { mapInOrder } from "../ingest/in-order.js";
import type { PageStore } from "../sources/web/page-store.js";
import type { GenerationStore } from "../store/types.js";
import type { IndexHolder } from "../store/index-holder.js";
import type { SourceFileRecord } from "../store/source-records.js";

export type DocumentStatus =
  /** Served by the live index as it is on disk. */
  | "indexed"
  /** Added, changed or deleted since the last reindex. */
  | "pending"
  /** A supported type that could not be read (corrupt, encrypted): `reason` says why. */
  | "unreadable"
  /** A type no loader reads: ignored by the index. */
  | "unsupported";

export interface DocumentRow {
  /** The document's identity: its path in the corpus, or its URL for a web page. */
  id: string;
  /** "md", "pdf", … or "web". */
  type: string;
  /** Bytes on disk (for a web page: of its main content when last fetched). */
  size: number;
  status: DocumentStatus;
  reason?: string;
  chunks?: number;
  pages?: number;
  /** When this version of the document was first indexed. */
  indexedAt?: string;
}

export interface DocumentListing {
  generation: string;
  builtAt: string;
  documents: DocumentRow[];
}

export interface DocumentCatalogOptions {
  corpusDir: string;
  /** Crawled web pages: their last crawl's failures are shown on their rows. */
  pages: Pick<PageStore, "load">;
  store: Pick<GenerationStore, "readLiveManifest">;
  index: IndexHolder;
}

export class DocumentCatalog {
  constructor(private readonly options: DocumentCatalogOptions) {}

  async list(): Promise<DocumentListing> {
    const { corpusDir, store, index, pages } = this.options;
    const snapshot = index.current;
    const [files, manifest, crawl] = await Promise.all([listCorpusFiles(corpusDir), store.readLiveManifest(), pages.load()]);
    const onDisk = await mapInOrder(files, FILES_IN_FLIGHT, async (file) => ({ source: file.source, info: await statCorpusFile(file.absolutePath) }));
    const indexed = new Map((manifest?.files ?? []).map((record) => [record.source, record]));
    const unreadable = new Map((manifest?.unreadable ?? []).map((record) => [record.source, record]));
    // Page counts come from documents in memory; a stateless pgvector replica lists its rows without them.
    const pagesOf = (source: string) => (isLoaded(snapshot) ? snapshot.documents.get(source)?.pages?.length : undefined);

    const rows: DocumentRow[] = onDisk.map(({ source, info }) => {
      const type = typeOf(source);
      if (!loaderFor(source)) return { id: source, type, size: info.size, status: "unsupported", reason: `${type ? `.${type}` : "this"} files are not indexed` };
      const failed = unreadable.get(source);
      if (failed && sameFile(failed, info)) return { id: source, type, size: info.size, status: "unreadable", reason: stripSource(failed.message, source) };
      const record = indexed.get(source);
      if (!record) return { id: source, type, size: info.size, status: "pending", reason: "not indexed yet" };
      const row = indexedRow(record, pagesOf(source));
      return sameFile(record, info) ? row : { ...row, size: info.size, status: "pending", reason: "changed since it was indexed" };
    });
    const present = new Set(onDisk.map((f) => f.source));
    for (const record of indexed.values()) {
      if (present.has(record.source)) continue;
      // Web pages live in the index only; a file missing from the folder was deleted and awaits a reindex.
      if (isUrl(record.source)) rows.push(indexedRow(record, pagesOf(record.source)));
      else rows.push({ ...indexedRow(record, pagesOf(record.source)), status: "pending", reason: "deleted; still served until the next reindex" });
    }
    for (const { url, message } of crawl.failures) {
      const row = rows.find((r) => r.id === url);
      if (row) row.reason = `last fetch failed (${message}); the last good copy is kept`;
      else rows.push({ id: url, type: "web", size: 0, status: "unreadable", reason: `fetch failed: ${message}` });
    }
    return { generation: snapshot.manifest.generation, builtAt: snapshot.manifest.builtAt, documents: rows };
  }
}

function indexedRow(record: SourceFileRecord, pages: number | undefined): DocumentRow {
  return {
    id: record.source,
    type: isUrl(record.source) ? "web" : typeOf(record.source),
    size: record.size,
    status: "indexed",
    chunks: record.chunkCount,
    ...(pages !== undefined && { pages }),
    ...(record.indexedAt && { indexedAt: record.indexedAt }),
  };
}

function sameFile(record: { size: number; mtimeMs: number }, info: { size: number; mtimeMs: number }): boolean {
  return record.size === info.size && record.mtimeMs === info.mtimeMs;
}

function typeOf(source: string): string {
  return path.extname(source).slice(1).toLowerCase();
}

/** Load failures read "<source>: <problem>"; the table already shows the source. */
function stripSource(message: string, source: string): string {
  return message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//.test(source);
}
