import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { LOCK_FILE } from "../../src/ingest/ingest-lock.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { watchCorpus } from "../../src/reindex/corpus-watcher.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { FERRY, FERRY_REPLACED, KILN, LIBRARY, writeCorpus } from "./fixtures.js";

const TOKEN = "s3cret-admin-token-0123456789abcdef0123456789";

interface Citation {
  source: string;
  text: string;
}
interface AskBody {
  outcome: "answered" | "uncertain" | "not_found";
  abstained: boolean;
  answer: string;
  citations: Citation[];
}

describe("reindexing the running server", () => {
  let server: TestServer;
  let corpusDir: string;
  let embeddedTexts: string[];

  const reindex = (body?: unknown, token = TOKEN) =>
    fetch(`${server.url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const ask = async (question: string) => (await (await server.post("/ask", { question })).json()) as AskBody;
  const health = async () => (await (await fetch(`${server.url}/health`)).json()) as { generation: string; builtAt: string };

  beforeAll(async () => {
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    server = await startTestServer({ embedder: fakeEmbedder(), corpusDir, env: { ADMIN_TOKEN: TOKEN } });
    // Count every text the embedder is asked for, whoever asks (the reindexer shares this embedder).
    const embedder = server.services.embedder;
    const original = embedder.embedDocuments.bind(embedder);
    embeddedTexts = [];
    vi.spyOn(embedder, "embedDocuments").mockImplementation(async (texts: string[]) => {
      embeddedTexts.push(...texts);
      return original(texts);
    });
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When no token or a wrong token is sent, Then the admin route answers 401 and nothing is rebuilt", async () => {
    const before = await health();
    expect((await reindex(undefined, "wrong")).status).toBe(401);
    const missing = await fetch(`${server.url}/admin/reindex`, { method: "POST" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await health()).generation).toBe(before.generation);
  });

  it("When nothing changed, Then a reindex embeds nothing and keeps the live generation", async () => {
    const before = await health();
    embeddedTexts.length = 0;
    const response = await reindex();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "up-to-date", generation: before.generation, chunksEmbedded: 0, filesUnchanged: 3 });
    expect(embeddedTexts).toEqual([]);
  });

  it("When one of three documents changes, Then only its chunks are embedded and /ask about the new content cites it", async () => {
    const before = await health();
    await writeFile(path.join(corpusDir, "ferry.txt"), FERRY_REPLACED);
    embeddedTexts.length = 0;

    const response = await reindex();
    expect(response.status).toBe(200);
    const outcome = await response.json();

    const expectedChunks = chunkDocument(loadTxt(Buffer.from(FERRY_REPLACED), "ferry.txt"), server.services.config.chunking);
    expect(expectedChunks.length).toBeGreaterThan(1);
    expect(embeddedTexts).toHaveLength(expectedChunks.length);
    expect(outcome).toMatchObject({ status: "published", filesChanged: 1, filesUnchanged: 2, chunksEmbedded: expectedChunks.length, chunksDeleted: 1 });
    const after = await health();
    expect(after.generation).toBe(outcome.generation);
    expect(after.generation).not.toBe(before.generation);
    expect(Date.parse(after.builtAt)).toBeGreaterThanOrEqual(Date.parse(before.builtAt));

    const answer = await ask("When did the Quillon bridge open?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.source).toBe("ferry.txt");
    expect(answer.answer).toMatch(/3 March 2024/);
  });

  it("When a file is renamed without changing its content, Then nothing is embedded", async () => {
    embeddedTexts.length = 0;
    await rename(path.join(corpusDir, "kiln.txt"), path.join(corpusDir, "kiln-works.txt"));
    const outcome = await (await reindex()).json();
    expect(outcome).toMatchObject({ status: "published", filesAdded: 1, filesRemoved: 1, chunksEmbedded: 0 });
    expect(embeddedTexts).toEqual([]);
    const answer = await ask("At what temperature does the Aldermoor kiln fire porcelain?");
    expect(answer.citations[0]?.source).toBe("kiln-works.txt");
  });

  it("When a document is deleted, Then /ask about its unique fact is not answered from it and /search never returns its chunks", async () => {
    const question = "When does the Hollowbrook library open on Saturdays?";
    expect((await ask(question)).citations[0]?.source).toBe("library.txt");

    await rm(path.join(corpusDir, "library.txt"));
    const outcome = await (await reindex()).json();
    expect(outcome).toMatchObject({ status: "published", filesRemoved: 1 });

    const answer = await ask(question);
    expect(answer.outcome).not.toBe("answered");
    expect(answer.citations.map((c) => c.source)).not.toContain("library.txt");
    for (const mode of ["dense", "keyword", "hybrid"]) {
      // "ferry" keeps keyword search from coming back empty, which would prove nothing.
      const response = await server.post("/search", { query: "Hollowbrook library reading room maps ferry", k: 100, mode });
      const { results } = (await response.json()) as { results: Citation[] };
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.source === "library.txt")).toEqual([]);
    }
  });

  it("While a reindex is published, Then a stream of concurrent /ask requests sees no error", async () => {
    await writeFile(path.join(corpusDir, "library.txt"), LIBRARY);
    const statuses: number[] = [];
    let reindexing = true;
    const asker = async () => {
      // Keep asking until the reindex is over, then a few more on the new generation.
      for (let extra = 0; reindexing || extra < 3; reindexing || extra++) {
        const response = await server.post("/ask", { question: "How long does a firing of the Aldermoor kiln last?" });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    };
    const askers = Array.from({ length: 4 }, asker);
    const outcome = await (await reindex({ full: true })).json();
    reindexing = false;
    await Promise.all(askers);
    expect(outcome).toMatchObject({ status: "published", filesAdded: 1 });
    expect(statuses.length).toBeGreaterThan(12);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it("When the build fails, Then the admin route reports it and the previous generation keeps serving", async () => {
    const before = await health();
    await writeFile(path.join(corpusDir, "notes.txt"), "Notes\n\nThe pottery shop closes in August for the holidays.\n");
    vi.mocked(server.services.embedder.embedDocuments).mockRejectedValueOnce(new Error("embedding backend exploded"));
    const response = await reindex();
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toMatch(/reindex failed.*previous index is still served.*embedding backend exploded/);
    expect((await health()).generation).toBe(before.generation);
    expect((await ask("At what temperature does the Aldermoor kiln fire porcelain?")).abstained).toBe(false);
  });

  it("When another process holds the ingest lock, Then the admin route answers 409 naming its pid and keeps serving", async () => {
    const before = await health();
    const lockFile = path.join(server.services.config.indexDir, LOCK_FILE);
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() }));
    try {
      const response = await reindex();
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toContain(`another ingest is already running (pid ${process.ppid}`);
      expect((await health()).generation).toBe(before.generation);
    } finally {
      await rm(lockFile, { force: true });
    }
  });

  it("When several reindexes are requested at once, Then they run one after another and the waiting ones are merged", async () => {
    const first = server.services.reindexer.reindex({ reason: "test 1" });
    await new Promise((resolve) => setImmediate(resolve)); // let the first one start
    const second = server.services.reindexer.reindex({ reason: "test 2" });
    const third = server.services.reindexer.reindex({ reason: "test 3" });
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    const outcomes = await Promise.all([first, second]);
    // The failed build above left notes.txt unindexed: the first run publishes it, the merged one finds nothing to do.
    expect(outcomes.map((o) => o.status)).toEqual(["published", "up-to-date"]);
  });

  it("When the corpus is watched and a file changes, Then the server reindexes by itself after the debounce", async () => {
    const before = await health();
    const watcher = watchCorpus({ corpusDir, debounceMs: 200, reindexer: server.services.reindexer, logger: server.services.logger });
    try {
      await writeFile(path.join(corpusDir, "notes.txt"), "Notes\n\nThe pottery shop reopens on 2 September with a new glaze collection.\n");
      await vi.waitFor(async () => expect((await health()).generation).not.toBe(before.generation), { timeout: 30_000, interval: 200 });
      const answer = await ask("When does the pottery shop reopen?");
      expect(answer.citations[0]?.source).toBe("notes.txt");
    } finally {
      watcher.close();
    }
  });
});

describe("admin routes without ADMIN_TOKEN", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ embedder: fakeEmbedder(), corpusDir: await writeCorpus({ "kiln.txt": KILN }) });
  });
  afterAll(() => server?.close());

  it("When ADMIN_TOKEN is unset, Then POST /admin/reindex does not exist (404), whatever the token", async () => {
    const response = await fetch(`${server.url}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
  });
});

