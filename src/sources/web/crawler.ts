/**
 * @module crawler
 * A polite crawler for SOURCE_URLS. Each entry is a sitemap (its `<loc>`
 * pages, nested sitemaps followed) or a page (then its links on the same host
 * are followed, breadth first). It reads robots.txt first and skips what it
 * disallows, waits SOURCE_CRAWL_DELAY_MS (or a longer Crawl-delay) between
 * requests to one host, stays on the hosts SOURCE_URLS name, stops at
 * SOURCE_MAX_PAGES, and asks with If-None-Match / If-Modified-Since so an
 * unchanged page costs a 304 and nothing else.
 *
 * What the crawl decides: a page that answers 404 or 410, is disallowed, or is
 * no longer listed is removed; a page whose fetch fails otherwise (5xx, a
 * timeout, a refused connection) is reported and keeps its last good copy, and
 * so do all pages of a sitemap that could not be fetched: a failure never
 * drops a page that is still there.
 */
import robotsParserModule from "robots-parser";
import * as cheerio from "cheerio";
import type { Logger } from "../../logger.js";
import { extractMainContent } from "./main-content.js";
import type { CrawlFailure, PageState, PageStore, StoredPage } from "./page-store.js";

export interface CrawlOptions {
  urls: readonly string[];
  delayMs: number;
  maxPages: number;
  store: PageStore;
  logger: Logger;
  /** Per request; a slow site must not hold a reindex forever. */
  timeoutMs?: number;
  /** The fetch to use (tests may count requests; default: global fetch). */
  fetch?: typeof fetch;
}

export interface CrawlReport {
  /** Pages fetched and saved (new or changed content). */
  fetched: string[];
  /** Pages the site said were unchanged (304). */
  notModified: string[];
  /** Pages dropped: gone (404/410), disallowed by robots.txt, or no longer listed. */
  removed: string[];
  failed: CrawlFailure[];
}

export const USER_AGENT = "grounded-rag-crawler/1.0 (+https://github.com/; indexes pages for a documents chatbot)";
const ROBOTS_AGENT = "grounded-rag-crawler";
const DEFAULT_TIMEOUT_MS = 15_000;
// A robots.txt Crawl-delay above this is capped: a reindex must end.
const MAX_CRAWL_DELAY_MS = 30_000;

// robots-parser is CommonJS (module.exports = the function) but its types declare a default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robots = ReturnType<typeof robotsParser>;

/** Crawls `urls` and updates the page store; returns what changed and what failed. */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  return new Crawl(options).run();
}

class Crawl {
  private readonly fetcher: typeof fetch;
  private readonly hosts: Set<string>;
  private readonly robots = new Map<string, Promise<Robots | undefined>>();
  private readonly nextRequestAt = new Map<string, number>();
  private readonly report: CrawlReport = { fetched: [], notModified: [], removed: [], failed: [] };
  private previous!: PageState;
  private readonly next: Record<string, StoredPage> = {};
  /** Pages listed or linked this crawl, in order, with their root. */
  private readonly listed = new Map<string, string>();

  constructor(private readonly options: CrawlOptions) {
    this.fetcher = options.fetch ?? fetch;
    this.hosts = new Set(options.urls.map((url) => new URL(url).host));
  }

  async run(): Promise<CrawlReport> {
    const { store, urls } = this.options;
    this.previous = await store.load();
    for (const root of urls) {
      const kept = await this.crawlRoot(root);
      // The root could not be read: its known pages stay as they are.
      if (!kept) for (const [url, page] of Object.entries(this.previous.pages)) if (page.root === root && !this.next[url]) this.next[url] = page;
    }
    for (const [url, page] of Object.entries(this.previous.pages)) {
      if (this.next[url]) continue;
      await store.removePage(page);
      this.report.removed.push(url);
    }
    await store.save({ pages: this.next, failures: this.report.failed, crawledAt: new Date().toISOString() });
    // Every reindex crawls, to drop the pages of a site no longer in SOURCE_URLS; without any, there is nothing to say.
    if (urls.length || this.report.removed.length) {
      this.options.logger.info(
        { fetched: this.report.fetched.length, notModified: this.report.notModified.length, removed: this.report.removed.length, failed: this.report.failed.length },
        "crawled SOURCE_URLS",
      );
    }
    return this.report;
  }

  /** Returns false when the root itself could not be fetched. */
  private async crawlRoot(root: string): Promise<boolean> {
    const response = await this.request(root);
    if (!response) return false;
    if (response.status === 404 || response.status === 410) return true; // the whole source is gone
    if (!response.ok) {
      this.fail(root, `HTTP ${response.status}`);
      return false;
    }
    const body = await response.text();
    const sitemap = cheerio.load(body, { xml: true });
    if (sitemap("urlset, sitemapindex").length) {
      await this.readSitemap(root, sitemap, new Set([root]));
      for (const url of this.listed.keys()) await this.fetchPage(url, root);
      return true;
    }
    // A page: it and the pages it links to on the allowed hosts, breadth first.
    this.listed.set(root, root);
    const queue = [root];
    await this.savePage(root, root, response, body, queue);
    for (let i = 1; i < queue.length; i++) await this.fetchPage(queue[i]!, root, queue);
    return true;
  }

  private async readSitemap(root: string, $: cheerio.CheerioAPI, seen: Set<string>): Promise<void> {
    for (const loc of $("urlset > url > loc").map((_, el) => $(el).text().trim()).get()) this.list(loc, root);
    for (const child of $("sitemapindex > sitemap > loc").map((_, el) => $(el).text().trim()).get()) {
      if (seen.has(child) || !this.allowedHost(child)) continue;
      seen.add(child);
      const response = await this.request(child);
      if (!response?.ok) {
        if (response) this.fail(child, `HTTP ${response.status}`);
        continue;
      }
      await this.readSitemap(root, cheerio.load(await response.text(), { xml: true }), seen);
    }
  }

  private list(url: string, root: string): boolean {
    if (this.listed.has(url) || this.listed.size >= this.options.maxPages) return false;
    if (!URL.canParse(url) || !this.allowedHost(url)) return false;
    this.listed.set(url, root);
    return true;
  }

  private async fetchPage(url: string, root: string, queue?: string[]): Promise<void> {
    if (!(await this.allowedByRobots(url))) return;
    const known = this.previous.pages[url];
    const headers: Record<string, string> = {};
    if (known?.etag) headers["if-none-match"] = known.etag;
    if (known?.lastModified) headers["if-modified-since"] = known.lastModified;
    const response = await this.request(url, headers);
    if (!response) {
      if (known) this.next[url] = known;
      return;
    }
    if (response.status === 304 && known) {
      this.next[url] = { ...known, root };
      this.report.notModified.push(url);
      return;
    }
    if (response.status === 404 || response.status === 410) return;
    if (!response.ok) {
      this.fail(url, `HTTP ${response.status}`);
      if (known) this.next[url] = known;
      return;
    }
    await this.savePage(url, root, response, await response.text(), queue);
  }

  private async savePage(url: string, root: string, response: Response, body: string, queue?: string[]): Promise<void> {
    const type = response.headers.get("content-type") ?? "";
    if (!/^text\/html|^application\/xhtml\+xml/i.test(type)) {
      this.fail(url, `not an HTML page (${type || "no content type"})`);
      return;
    }
    if (!(await this.allowedByRobots(url))) return;
    const content = extractMainContent(body, url);
    const file = await this.options.store.writePage(url, content.html);
    const etag = response.headers.get("etag") ?? undefined;
    const lastModified = response.headers.get("last-modified") ?? undefined;
    this.next[url] = { file, root, ...(etag && { etag }), ...(lastModified && { lastModified }) };
    this.report.fetched.push(url);
    if (queue) for (const link of content.links) if (this.list(link, root)) queue.push(link);
  }

  /** A GET after the host's delay; undefined (and a reported failure) when the request itself fails. */
  private async request(url: string, headers: Record<string, string> = {}): Promise<Response | undefined> {
    await this.waitForTurn(new URL(url).host);
    try {
      return await this.fetcher(url, {
        headers: { "user-agent": USER_AGENT, accept: "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5", ...headers },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        redirect: "follow",
      });
    } catch (error) {
      this.fail(url, (error as Error).name === "TimeoutError" ? "timed out" : `could not be fetched: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async waitForTurn(host: string): Promise<void> {
    const robots = await this.robotsFor(host);
    const robotsDelay = Math.min(MAX_CRAWL_DELAY_MS, (robots?.getCrawlDelay(ROBOTS_AGENT) ?? 0) * 1000);
    const wait = (this.nextRequestAt.get(host) ?? 0) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.nextRequestAt.set(host, Date.now() + Math.max(this.options.delayMs, robotsDelay));
  }

  private async allowedByRobots(url: string): Promise<boolean> {
    const robots = await this.robotsFor(new URL(url).host);
    return robots?.isAllowed(url, ROBOTS_AGENT) ?? true;
  }

  /** The host's robots.txt, fetched once per crawl; none (everything allowed) when it cannot be read. */
  private robotsFor(host: string): Promise<Robots | undefined> {
    let robots = this.robots.get(host);
    if (!robots) {
      const origin = [...this.hosts].includes(host) ? new URL(this.options.urls.find((u) => new URL(u).host === host)!).origin : `https://${host}`;
      const robotsUrl = `${origin}/robots.txt`;
      robots = this.fetcher(robotsUrl, { headers: { "user-agent": USER_AGENT }, signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) })
        .then(async (response) => (response.ok ? robotsParser(robotsUrl, await response.text()) : undefined))
        .catch(() => undefined);
      this.robots.set(host, robots);
    }
    return robots;
  }

  private allowedHost(url: string): boolean {
    return this.hosts.has(new URL(url).host);
  }

  private fail(url: string, message: string): void {
    this.report.failed.push({ url, message });
    this.options.logger.warn({ url, message }, "crawl: fetch failed");
  }
}
