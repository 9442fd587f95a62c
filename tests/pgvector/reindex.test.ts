import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import type { Chunk } from "../../src/core/types.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { FERRY, FERRY_REPLACED, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";

const TOKEN = "pg-admin-token-0123456789abcdef0123456789";

interface AskBody {
  outcome: "answered" | "uncertain" | "not_found";
  abstained: boolean;
  answer: string;
  citations: { source: string; text: string; start: number; end: number }[];
}

describeOnPostgres("reindexing with the index in PostgreSQL, two servers on one database", () => {
  let database: TestDatabase;
  let sql: pg.Client;
  let corpusDir: string;
  let first: TestServer;
  let second: TestServer;

  const reindex = async (server: TestServer) => {
    const response = await server.post("/admin/reindex", {}, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; generation: string };
  };
  const ask = async (server: TestServer, question: string) => (await (await server.post("/ask", { question })).json()) as AskBody;
  const generationNumber = (server: TestServer) => Number(server.services.ask.index.current.manifest.generation.replace("pg-", ""));
  const rowsOf = async (source: string, generation: number) => {
    const { rows } = await sql.query<{ added: string; retired: string }>(
      `SELECT count(*) FILTER (WHERE first_gen = $2) AS added, count(*) FILTER (WHERE retired_gen = $2) AS retired
       FROM rag_chunks WHERE source = $1`,
      [source, generation],
    );
    return { added: Number(rows[0]!.added), retired: Number(rows[0]!.retired) };
  };
  /** The chunks a server's current generation holds, from the database (a replica keeps none in memory). */
  const chunksOf = async (server: TestServer) => {
    const { rows } = await sql.query<{ chunk: Chunk }>(
      "SELECT chunk FROM rag_chunks WHERE first_gen <= $1 AND (retired_gen IS NULL OR retired_gen > $1) ORDER BY chunk_id",
      [generationNumber(server)],
    );
    return rows.map((row) => row.chunk);
  };
  const searchSources = async (server: TestServer, query: string, mode: string) => {
    const { results } = (await (await server.post("/search", { query, k: 20, mode })).json()) as { results: { source: string }[] };
    return results.map((r) => r.source);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    // No polling: these tests say when the second server loads a new generation (follow.test.ts covers polling).
    const env = { VECTOR_STORE: "pgvector", DATABASE_URL: database.url, ADMIN_TOKEN: TOKEN, PGVECTOR_POLL_MS: "0" };
    first = await startTestServer({ corpusDir, env });
    second = await startTestServer({ corpusDir, env });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await sql?.end();
    await database?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When a second server starts on a database that already holds the index, Then it serves the same generation without publishing one", async () => {
    expect(second.services.ask.index.current.manifest.generation).toBe(first.services.ask.index.current.manifest.generation);
    expect((await chunksOf(second)).length).toBeGreaterThan(0);
  });

  it("When one document changes, Then only its chunks are written and its old chunk is retired, in one new generation", async () => {
    const before = await chunksOf(first);
    await writeFile(path.join(corpusDir, "ferry.txt"), FERRY_REPLACED);
    expect(await reindex(first)).toMatchObject({ status: "published" });

    const generation = generationNumber(first);
    const expected = chunkDocument(loadTxt(Buffer.from(FERRY_REPLACED), "ferry.txt"), first.services.config.chunking);
    expect(await rowsOf("ferry.txt", generation)).toEqual({ added: expected.length, retired: before.filter((c) => c.source === "ferry.txt").length });
    expect(await rowsOf("kiln.txt", generation)).toEqual({ added: 0, retired: 0 });
    expect(await rowsOf("library.txt", generation)).toEqual({ added: 0, retired: 0 });

    const answer = await ask(first, "When did the Quillon bridge open?");
    expect(answer.citations[0]?.source).toBe("ferry.txt");
    expect(answer.answer).toMatch(/3 March 2024/);
  });

  it("When a newer generation is published, Then a reader still holding the old snapshot sees only the old generation's chunks", async () => {
    const old = second.services.ask.index.current;
    const oldChunks = await chunksOf(second);
    const oldIds = new Set(oldChunks.map((c) => c.id));
    const query = await second.services.embedder.embedQuery("Wrenfield ferry departs from Pier 7");
    const dense = await old.vectors.search(query, 50);
    const keyword = await old.keywords.search("Quillon bridge Wrenfield ferry", 50);
    expect(dense.length).toBe(oldChunks.length);
    expect(keyword.length).toBeGreaterThan(0);
    expect([...dense, ...keyword].filter((hit) => !oldIds.has(hit.id))).toEqual([]);
    // The old ferry text, not the new one: the old generation is whole.
    expect((await old.chunksById([keyword[0]!.id])).get(keyword[0]!.id)?.text).toMatch(/departs every 40 minutes/);
  });

  it("When the other server reindexes the same corpus, Then it loads the published generation and both cite the same passages", async () => {
    expect(await reindex(second)).toMatchObject({ status: "reloaded", generation: first.services.ask.index.current.manifest.generation });
    for (const question of ["When did the Quillon bridge open?", "At what temperature does the Aldermoor kiln fire porcelain?"]) {
      const [a, b] = [await ask(first, question), await ask(second, question)];
      expect(a.citations.length).toBeGreaterThan(0);
      expect(b.citations).toEqual(a.citations);
    }
  });

  it("When a document is deleted, Then its rows are retired and neither server's /ask or /search returns it", async () => {
    const question = "When does the Hollowbrook library open on Saturdays?";
    expect((await ask(first, question)).citations[0]?.source).toBe("library.txt");
    const liveRows = (await chunksOf(first)).filter((c) => c.source === "library.txt").length;

    await rm(path.join(corpusDir, "library.txt"));
    expect(await reindex(first)).toMatchObject({ status: "published" });
    expect(await reindex(second)).toMatchObject({ status: "reloaded" });
    expect(await rowsOf("library.txt", generationNumber(first))).toEqual({ added: 0, retired: liveRows });

    for (const server of [first, second]) {
      const answer = await ask(server, question);
      // Not answered, and nothing cited from the deleted document: what the others say about opening hours ("the
      // Quillon bridge opened …") may still be shown as the closest passage, since the gate is set for recall.
      expect(answer.outcome).not.toBe("answered");
      expect(answer.citations.map((c) => c.source)).not.toContain("library.txt");
      for (const mode of ["dense", "keyword", "hybrid"]) {
        // "ferry" keeps keyword search from coming back empty, which would prove nothing.
        const sources = await searchSources(server, "Hollowbrook library reading room maps ferry", mode);
        expect(sources.length).toBeGreaterThan(0);
        expect(sources).not.toContain("library.txt");
      }
    }
  });
});
