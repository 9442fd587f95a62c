/**
 * A crafted corpus against the real service (issue 16): documents built to be
 * slow to load or to answer from, too big, undecodable, or hiding text. Each
 * is either served quickly and in bounded responses, or skipped and named.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, startTestServer, type TestServer } from "../helpers/test-server.js";

const ADMIN_TOKEN = "pathological-corpus-admin-token-0123456789";
const CHUNK_SIZE = 480;

interface SearchResult {
  source: string;
  headingPath: string[];
  text: string;
  start: number;
  end: number;
}

describe("A crafted corpus", () => {
  let server: TestServer;
  beforeAll(async () => {
    const corpusDir = path.join(await makeTempDir("rag-crafted-"), "corpus");
    await mkdir(corpusDir);
    await writeFile(path.join(corpusDir, "normal.txt"), "Museum forum\n\nThe museum forum took place in Hangzhou in April.");
    await writeFile(path.join(corpusDir, "dots.txt"), `Dots\n\nThe zebracrossing committee met on Monday${".".repeat(50_000)}x\n\nThe zebracrossing committee agreed.`);
    await writeFile(path.join(corpusDir, "one-line.txt"), `Line\n\nquokkaline${"q".repeat(1_200_000)}`);
    await writeFile(path.join(corpusDir, "heading.md"), `# Heading${" ".repeat(100_000)}end\n\nThe platypus heading section says hello.`);
    await writeFile(path.join(corpusDir, "many-paragraphs.html"), `<p>The wombat page.</p>${"<p>x</p>".repeat(20_000)}`);
    await writeFile(path.join(corpusDir, "too-big.txt"), `Big\n\n${"The capybara is large. ".repeat(100_000)}`);
    await writeFile(path.join(corpusDir, "latin1.txt"), Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise. ".repeat(200), "latin1"));
    await writeFile(
      path.join(corpusDir, "hidden.html"),
      `<h1>Opening hours</h1><p>The okapi house opens at ten.</p><p hidden>hiddenword alpha</p><div aria-hidden="true">hiddenword beta</div>
       <p style="display:none">hiddenword gamma</p><template>hiddenword delta</template><textarea>hiddenword epsilon</textarea><dialog>hiddenword zeta</dialog>`,
    );
    server = await startTestServer({ corpusDir, env: { ADMIN_TOKEN, CHUNK_SIZE: String(CHUNK_SIZE), MAX_FILE_MB: "1.5" } });
  }, 180_000);
  afterAll(() => server?.close());

  const search = async (query: string, mode = "hybrid", k = 100) => {
    const response = await server.post("/search", { query, mode, k });
    expect(response.status).toBe(200);
    const body = await response.text();
    return { bytes: body.length, results: (JSON.parse(body) as { results: SearchResult[] }).results };
  };

  it("When a file is over MAX_FILE_MB or is not UTF-8, Then it is skipped and named, and the rest is served", async () => {
    const response = await fetch(`${server.url}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    const { unreadable } = (await response.json()) as { unreadable: { source: string; message: string }[] };
    expect(unreadable.map((u) => u.source).sort()).toEqual(["latin1.txt", "too-big.txt"]);
    expect(unreadable.find((u) => u.source === "too-big.txt")!.message).toMatch(/over the file size limit of 1\.5 MB \(MAX_FILE_MB\)/);
    expect(unreadable.find((u) => u.source === "latin1.txt")!.message).toMatch(/not UTF-8/);
    expect((await search("Hangzhou museum forum")).results[0]!.source).toBe("normal.txt");
  });

  it("When a 1.2 MB line has no white space, Then it is cut into chunks of CHUNK_SIZE, and search and source responses stay small", async () => {
    const { bytes, results } = await search(`quokkaline ${"q".repeat(CHUNK_SIZE)}`, "keyword");
    expect(results.filter((r) => r.source === "one-line.txt").length).toBeGreaterThan(10);
    for (const r of results) expect(r.text.length).toBeLessThanOrEqual(CHUNK_SIZE);
    expect(bytes).toBeLessThan(200_000);
    const source = await fetch(`${server.url}/sources/one-line.txt?start=1100000&end=1100480`, { headers: { accept: "application/json" } });
    const shown = (await source.json()) as { text: string; truncated?: boolean; offset?: number; passage: { start: number } };
    expect(shown.truncated).toBe(true);
    expect(shown.text.length).toBe(1_000_000);
    expect(shown.offset! + shown.text.length).toBeGreaterThan(shown.passage.start);
  });

  it("When a document holds a 50,000-dot run, Then a question retrieving it is answered without blocking /health", async () => {
    const asked = server.post("/ask", { question: "When did the zebracrossing committee meet?" });
    const started = performance.now();
    const health = await fetch(`${server.url}/health`);
    const healthMs = performance.now() - started;
    const answer = await asked;
    expect(health.status).toBe(200);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { citations: SearchResult[] };
    expect(body.citations.map((c) => c.source)).toContain("dots.txt");
    for (const c of body.citations) expect(c.text.length).toBeLessThanOrEqual(CHUNK_SIZE);
    expect(healthMs).toBeLessThan(1000);
  });

  it("When a markdown heading is a 100 KB line and an HTML page is 20,000 paragraphs, Then both are indexed with bounded headings", async () => {
    const platypus = (await search("platypus heading section", "keyword")).results[0]!;
    expect(platypus.source).toBe("heading.md");
    expect(platypus.headingPath[0]!.length).toBeLessThanOrEqual(200);
    expect((await search("wombat page", "keyword")).results[0]!.source).toBe("many-paragraphs.html");
  });

  it("When an HTML page hides text, Then that text cannot be found or cited", async () => {
    expect((await search("okapi house", "keyword")).results[0]!.source).toBe("hidden.html");
    const hidden = await search("hiddenword", "keyword");
    expect(hidden.results.filter((r) => r.text.includes("hiddenword"))).toEqual([]);
    const source = (await (await fetch(`${server.url}/sources/hidden.html`, { headers: { accept: "application/json" } })).json()) as { text: string };
    expect(source.text).not.toContain("hiddenword");
  });
});
