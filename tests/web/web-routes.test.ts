/**
 * The web routes over real HTTP: the page and its CSP, the scripts (gzip,
 * caching), source documents by id only, and CORS for the allow-list.
 */
import { get as httpGet, type IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";

const SOURCE = "nemo-unesco-museum-forum-2025.txt";
const PARTNER = "https://partner.example";

/** GET without fetch's automatic decompression, to see the bytes on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("web routes", () => {
  let server: TestServer;
  const get = (route: string, headers: Record<string, string> = {}) => fetch(`${server.url}${route}`, { headers });

  beforeAll(async () => {
    server = await startTestServer({ embedder: fakeEmbedder(), env: { ALLOWED_ORIGINS: `${PARTNER}/` } });
  });
  afterAll(() => server?.close());

  it("When the page is requested, Then it is HTML loading app.js under a CSP that allows only our own scripts", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(await response.text()).toContain('<script src="app.js" defer></script>');
  });

  it("When widget.js is requested with gzip, Then a gzipped script comes back, and an unchanged one is a 304", async () => {
    const { response, body } = await rawGet(`${server.url}/widget.js`, { "accept-encoding": "gzip" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(response.headers["content-encoding"]).toBe("gzip");
    const script = gunzipSync(body).toString("utf8");
    expect(script).toContain("ask-docs-widget");
    expect(script).not.toMatch(/\.innerHTML\s*=/);

    // Not fetch: for a conditional request it adds "Cache-Control: no-cache", which rightly defeats the 304.
    const again = await rawGet(`${server.url}/widget.js`, { "if-none-match": response.headers.etag! });
    expect(again.response.statusCode).toBe(304);
  });

  it("When a source is requested by its id, Then its stored text comes back with the passage marked", async () => {
    const doc = (await server.services.ask.index.current.document(SOURCE))!;
    const start = doc.text.indexOf("Hangzhou");
    const response = await get(`/sources/${encodeURIComponent(SOURCE)}?start=${start}&end=${start + 8}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await response.text()).toContain('<mark id="passage">Hangzhou</mark>');

    const json = await get(`/sources/${encodeURIComponent(SOURCE)}`, { accept: "application/json" });
    expect(await json.json()).toMatchObject({ source: SOURCE, title: doc.title, text: doc.text });
  });

  it("When the passage range is malformed or out of range, Then the document is shown without a mark", async () => {
    for (const query of ["?start=5&end=2", "?start=-1&end=3", "?start=0&end=99999999", "?start=a&end=b"]) {
      const html = await (await get(`/sources/${encodeURIComponent(SOURCE)}${query}`)).text();
      expect(html).not.toContain("<mark");
      expect(html).toContain("Hangzhou");
    }
  });

  it("When an id is unknown or points outside the corpus, Then it is a 404 and no file is read", async () => {
    for (const id of ["missing.md", "../package.json", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", encodeURIComponent(`../corpus/${SOURCE}`)]) {
      const response = await get(`/sources/${id}`);
      expect(response.status, id).toBe(404);
      expect(await response.text()).not.toContain("root:");
    }
  });

  it("When an allowed origin calls, Then CORS headers name it; when another origin calls, Then it is refused with 403", async () => {
    const preflight = await fetch(`${server.url}/ask`, {
      method: "OPTIONS",
      headers: { origin: PARTNER, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("vary")).toMatch(/origin/i);

    const allowed = await server.post("/search", { query: "Hangzhou" }, { origin: PARTNER });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PARTNER);

    const refused = await server.post("/search", { query: "Hangzhou" }, { origin: "https://elsewhere.example" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("When the page itself posts a question, Then its own origin needs no allow-list entry", async () => {
    const response = await server.post("/search", { query: "Hangzhou" }, { origin: server.url });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
