/**
 * A website as a source, against a local HTTP server serving a small fixture
 * site with robots.txt and a sitemap: pages indexed with their URLs as
 * sources, only their main content, robots.txt obeyed, unchanged pages
 * answered 304 and not embedded again, pages dropped from the sitemap or
 * gone (404) removed, and a failing page reported without dropping it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";
import { ADMIN_TOKEN } from "../admin/admin-token.js";

const MUSEUM = `<!doctype html><html><head><title>Larkspur Museum</title><script>var tracking = "Quetzalbyte";</script></head><body>
<header><p>Larkspur welcome banner Ombrevale</p></header>
<nav><a href="/tickets">Tickets</a> Zeppelinstrasse navigation menu</nav>
<main><h1>Museum hours</h1><p>The Larkspur museum opens at ten o'clock on Sundays and closes at five.</p>
<div hidden>Secret draft about the Vantablack vault.</div><p style="display:none">Hidden Marmaduke note.</p></main>
<footer>Copyright Larkspur Trust, Fenwhistle Lane</footer></body></html>`;
const TICKETS = `<!doctype html><html><head><title>Tickets</title></head><body><main><h1>Tickets</h1><p>Larkspur museum tickets cost seven pounds for adults.</p></main></body></html>`;
const CAFE = `<!doctype html><html><head><title>Cafe</title></head><body><article><h1>Garden cafe</h1><p>The Larkspur garden cafe serves rhubarb scones every afternoon.</p></article></body></html>`;
const STAFF = `<!doctype html><html><body><main><p>The Larkspur staff door code is 4711.</p></main></body></html>`;

interface SiteRequest {
  path: string;
  ifNoneMatch?: string;
  status: number;
}

/** The fixture site; `state` changes what it serves between crawls. */
function startSite() {
  const state = { sitemap: ["/museum", "/tickets", "/private/staff", "/cafe"], cafeFails: false, museumGone: false };
  const requests: SiteRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url!, "http://site");
    const ifNoneMatch = req.headers["if-none-match"];
    const send = (status: number, body = "", headers: Record<string, string> = {}) => {
      requests.push({ path: url.pathname, ifNoneMatch, status });
      res.writeHead(status, headers).end(body);
    };
    const html = (body: string, etag: string) => (ifNoneMatch === etag ? send(304, "", { etag }) : send(200, body, { "content-type": "text/html; charset=utf-8", etag }));
    const origin = `http://${req.headers.host}`;
    switch (url.pathname) {
      case "/robots.txt":
        return send(200, "User-agent: *\nDisallow: /private/\n", { "content-type": "text/plain" });
      case "/sitemap.xml":
        return send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${state.sitemap.map((p) => `<url><loc>${origin}${p}</loc></url>`).join("")}</urlset>`,
          { "content-type": "application/xml" },
        );
      case "/museum":
        return state.museumGone ? send(404, "gone") : html(MUSEUM, '"museum-v1"');
      case "/tickets":
        return html(TICKETS, '"tickets-v1"');
      case "/cafe":
        return state.cafeFails ? send(503, "down for maintenance") : html(CAFE, '"cafe-v1"');
      case "/private/staff":
        return html(STAFF, '"staff"');
      default:
        return send(404, "not found");
    }
  });
  return new Promise<{ origin: string; state: typeof state; requests: SiteRequest[]; close(): Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ origin, state, requests, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

interface ReindexBody {
  status: string;
  chunksEmbedded: number;
  filesRemoved: number;
  sources: { fetched: string[]; notModified: string[]; removed: string[]; failed: { url: string; message: string }[] };
}

describe("a website as a source", () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let server: TestServer;
  let corpusDir: string;

  const reindex = async () => {
    const response = await server.post("/admin/reindex", {}, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(response.status).toBe(200);
    return (await response.json()) as ReindexBody;
  };
  const search = async (query: string) =>
    ((await (await server.post("/search", { query, mode: "keyword", k: 10 })).json()) as { results: { source: string; text: string }[] }).results;
  const sources = async () => new Set((await search("Larkspur")).map((r) => r.source));

  beforeAll(async () => {
    site = await startSite();
    corpusDir = await writeCorpus({ "notes.txt": "Opening notes\n\nThe Hollowbrook library opens at nine on Saturdays.\n" });
    server = await startTestServer({
      corpusDir,
      env: { ADMIN_TOKEN, SOURCE_URLS: `${site.origin}/sitemap.xml`, SOURCE_CRAWL_DELAY_MS: "0" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await site?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When the site is crawled, Then its pages are indexed with their URLs as sources, main content only, and robots.txt is obeyed", async () => {
    const body = await reindex();
    expect(body.status).toBe("published");
    expect(body.sources.fetched.sort()).toEqual([`${site.origin}/cafe`, `${site.origin}/museum`, `${site.origin}/tickets`]);
    expect(site.requests.map((r) => r.path)).not.toContain("/private/staff");
    expect(await sources()).toEqual(new Set([`${site.origin}/museum`, `${site.origin}/tickets`, `${site.origin}/cafe`]));

    const answer = (await (await server.post("/ask", { question: "When does the Larkspur museum open on Sundays?" })).json()) as {
      citations: { source: string; title: string }[];
    };
    expect(answer.citations[0]).toMatchObject({ source: `${site.origin}/museum`, title: "Larkspur Museum" });
    for (const notContent of ["Zeppelinstrasse", "Ombrevale", "Fenwhistle", "Quetzalbyte", "Vantablack", "Marmaduke", "4711"]) {
      expect(await search(notContent), notContent).toEqual([]);
    }
  });

  it("When the site changes, Then unchanged pages are answered 304 and not embedded, a page left out of the sitemap is removed, and a failing page is reported but kept", async () => {
    site.state.sitemap = ["/museum", "/cafe"];
    site.state.cafeFails = true;
    site.requests.length = 0;
    const body = await reindex();

    expect(site.requests.find((r) => r.path === "/museum")).toMatchObject({ ifNoneMatch: '"museum-v1"', status: 304 });
    expect(body.sources.notModified).toEqual([`${site.origin}/museum`]);
    expect(body.chunksEmbedded).toBe(0);
    expect(body.sources.removed).toEqual([`${site.origin}/tickets`]);
    expect(body.filesRemoved).toBe(1);
    expect(body.sources.failed).toEqual([{ url: `${site.origin}/cafe`, message: "HTTP 503" }]);
    expect(await sources()).toEqual(new Set([`${site.origin}/museum`, `${site.origin}/cafe`]));

    const listing = (await (await fetch(`${server.url}/admin/documents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as {
      documents: { id: string; type: string; status: string; reason?: string }[];
    };
    expect(listing.documents.find((d) => d.id === `${site.origin}/cafe`)).toMatchObject({ type: "web", status: "indexed" });
    expect(listing.documents.find((d) => d.id === `${site.origin}/cafe`)!.reason).toMatch(/last fetch failed \(HTTP 503\)/);
  });

  it("When a page answers 404, Then it is removed from the index; the corpus files stay", async () => {
    site.state.museumGone = true;
    site.state.cafeFails = false;
    const body = await reindex();
    expect(body.sources.removed).toEqual([`${site.origin}/museum`]);
    expect(await sources()).toEqual(new Set([`${site.origin}/cafe`]));
    expect((await search("Hollowbrook library"))[0]!.source).toBe("notes.txt");
  });
});
