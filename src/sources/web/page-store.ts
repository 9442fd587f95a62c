/**
 * @module page-store
 * Crawled pages kept on disk in INDEX_DIR/web/: each page's main content as
 * an HTML file, and pages.json mapping URL → file, validators (ETag,
 * Last-Modified) and the sitemap or page it was found from. The index is
 * built from these files like any corpus file (source = the URL), so every
 * build sees the pages of the last crawl, and a page whose fetch fails keeps
 * its last good copy. Written atomically (temp file + rename).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface StoredPage {
  /** File name inside the web folder. */
  file: string;
  etag?: string;
  lastModified?: string;
  /** The SOURCE_URLS entry it was found from. */
  root: string;
}

export interface CrawlFailure {
  url: string;
  message: string;
}

export interface PageState {
  pages: Record<string, StoredPage>;
  /** Fetches that failed in the last crawl (their pages, if any, keep their last copy). */
  failures: CrawlFailure[];
  crawledAt?: string;
}

export const WEB_FOLDER = "web";
const STATE_FILE = "pages.json";

export class PageStore {
  readonly folder: string;

  constructor(indexDir: string) {
    this.folder = path.join(indexDir, WEB_FOLDER);
  }

  async load(): Promise<PageState> {
    try {
      return JSON.parse(await readFile(path.join(this.folder, STATE_FILE), "utf8")) as PageState;
    } catch {
      return { pages: {}, failures: [] };
    }
  }

  async save(state: PageState): Promise<void> {
    await this.writeAtomically(STATE_FILE, JSON.stringify(state, null, 1));
  }

  /** Saves a page's content; returns the file name to record. */
  async writePage(url: string, html: string): Promise<string> {
    const file = `${createHash("sha256").update(url).digest("hex").slice(0, 32)}.html`;
    await this.writeAtomically(file, html);
    return file;
  }

  async removePage(page: StoredPage): Promise<void> {
    await rm(path.join(this.folder, page.file), { force: true });
  }

  /** The pages of the last crawl as files for the index build (ingest's CorpusFile): source = URL, read by the HTML loader. */
  async files(): Promise<{ source: string; absolutePath: string; type: string; root: string }[]> {
    const { pages } = await this.load();
    return Object.entries(pages)
      .map(([url, page]) => ({ source: url, absolutePath: path.join(this.folder, page.file), type: ".html", root: this.folder }))
      .sort((a, b) => (a.source < b.source ? -1 : 1));
  }

  private async writeAtomically(name: string, content: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const target = path.join(this.folder, name);
    const draft = `${target}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`;
    await writeFile(draft, content);
    await rename(draft, target);
  }
}
