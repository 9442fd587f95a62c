import { BUNDLED_CALIBRATION } from "../../src/config.js";
/**
 * PostgreSQL going away under traffic, on a cluster of this file's own (the
 * other files' server is never disturbed): requests are answered 503 with
 * Retry-After, never a crash, a 500 or a hang; /ready reports the database;
 * service resumes by itself. And a publish whose connection is killed
 * mid-transaction leaves the previous generation live.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import type { Chunk } from "../../src/core/types.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { startCluster, type Cluster } from "../../scripts/pg/cluster.js";
import { createTestDatabase, describeOnPostgres } from "../helpers/postgres.js";
import { chunkOf, publishChunks } from "../helpers/publish-chunks.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { FERRY, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";

const STATEMENT_TIMEOUT_MS = 2000;
// A request may wait for a connection and then run a few statements, each bounded by the timeout.
const LONGEST_REQUEST_MS = 4 * STATEMENT_TIMEOUT_MS;

interface Outcome {
  route: string;
  at: number;
  status: number;
  ms: number;
  retryAfter: string | null;
  body: unknown;
}

describeOnPostgres("PostgreSQL restarted or unreachable under traffic", () => {
  let cluster: Cluster;
  let server: TestServer;
  let corpusDir: string;

  beforeAll(async () => {
    cluster = await startCluster(["fsync=off"]);
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    server = await startTestServer({
      corpusDir,
      env: { VECTOR_STORE: "pgvector", DATABASE_URL: cluster.url, PGVECTOR_POLL_MS: "0", PG_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
    });
  });
  afterAll(async () => {
    await server?.close();
    await cluster?.destroy();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  const request = async (route: string, body: unknown): Promise<Outcome> => {
    const started = performance.now();
    const response = await server.post(route, body);
    const text = await response.text();
    return { route, at: started, status: response.status, ms: performance.now() - started, retryAfter: response.headers.get("retry-after"), body: JSON.parse(text) };
  };
  const ready = async () => {
    const response = await fetch(`${server.url}/ready`);
    return { status: response.status, body: (await response.json()) as { database: { ok: boolean } } };
  };

  it("When PostgreSQL stops and starts again mid-traffic, Then every answer is a 200 or a JSON 503 with Retry-After, /ready reports the database, and answers resume within 10 s of its return", async () => {
    const outcomes: Outcome[] = [];
    let stop = false;
    // Three clients search and one asks, in loops of at most 50 requests a second for at most 60 s, until told to
    // stop. Searches touch the database at once; an answer also ranks sentences, which is CPU work, not database work.
    const started = performance.now();
    const client = (route: string, body: unknown) => async () => {
      while (!stop && performance.now() - started < 60_000) {
        outcomes.push(await request(route, body));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const search = client("/search", { query: "ferry pier tickets", k: 3 });
    const ask = client("/ask", { question: "When does the Wrenfield ferry depart?" });
    const load = Promise.all([search(), search(), search(), ask()]);
    const answered = () => outcomes.filter((o) => o.status === 200).length;
    while (answered() < 8 && performance.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 50));

    await cluster.halt();
    const down = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const readyWhileDown = await ready();
    await cluster.resume();
    const back = performance.now();
    // Run on until answers have resumed (or clearly have not).
    const answeredAfterReturn = () => outcomes.some((o) => o.at > back && o.status === 200 && "answer" in (o.body as object));
    while (performance.now() - back < 10_000 && !answeredAfterReturn()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop = true;
    await load;

    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.retryAfter).toMatch(/^\d+$/);
      expect(o.body).toEqual({ error: expect.any(String) });
    }
    expect(outcomes.filter((o) => o.at < down && o.status === 200).length).toBeGreaterThan(0);
    // Searches are database work: none that overlapped the outage waited past the timeouts.
    const duringOutage = outcomes.filter((o) => o.route === "/search" && o.at < back && o.at + o.ms > down);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(Math.max(...duringOutage.map((o) => o.ms))).toBeLessThan(LONGEST_REQUEST_MS);
    const firstAnswer = outcomes.find((o) => o.at > back && o.status === 200 && "answer" in (o.body as object));
    expect(firstAnswer, "no request succeeded after the database came back").toBeDefined();
    expect(firstAnswer!.at + firstAnswer!.ms - back).toBeLessThan(10_000);

    expect(readyWhileDown.status).toBe(503);
    expect(readyWhileDown.body.database.ok).toBe(false);
    const readyAfter = await ready();
    expect(readyAfter.status).toBe(200);
    expect(readyAfter.body.database.ok).toBe(true);
  });
});

describeOnPostgres("a publish whose connection is killed", () => {
  let embedder: Embedder;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: PgGenerationStore;
  let side: pg.Client;

  const publish = (chunks: Chunk[]) => publishChunks(store, embedder, chunks);

  beforeAll(async () => {
    embedder = await createLocalUseEmbedder();
    database = await createTestDatabase();
    store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    side = new pg.Client({ connectionString: database.url });
    await side.connect();
  });
  afterAll(async () => {
    await side?.end();
    await store?.close();
    await database?.close();
    await embedder?.close?.();
  });

  it("When the connection of a publish is terminated after it wrote its rows, Then the previous generation stays live and whole, and the next publish succeeds", async () => {
    const first = await publish([chunkOf("kiln", KILN), chunkOf("ferry", FERRY)]);

    // Hold the term statistics table: the publish writes its chunk rows, then waits here, inside its transaction.
    await side.query("BEGIN; LOCK TABLE rag_terms IN SHARE MODE");
    const interrupted = publish([chunkOf("kiln", KILN), chunkOf("library", LIBRARY)]).catch((error: unknown) => error);
    let pid: number | undefined;
    for (let i = 0; i < 200 && pid === undefined; i++) {
      const { rows } = await side.query<{ pid: number }>(
        "SELECT pid FROM pg_locks WHERE relation = 'rag_terms'::regclass AND NOT granted AND pid <> pg_backend_pid()",
      );
      pid = rows[0]?.pid;
      if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pid, "the publish never reached the statistics update").toBeDefined();
    await side.query("SELECT pg_terminate_backend($1)", [pid]);
    await side.query("COMMIT");
    expect(await interrupted).toBeInstanceOf(Error);

    expect(await store.liveGeneration()).toBe(first.manifest.generation);
    const live = (await store.loadLive(embedder))!.snapshot;
    expect(live.manifest.generation).toBe(first.manifest.generation);
    expect([...(await live.chunksById(["kiln", "ferry", "library"])).keys()].sort()).toEqual(["ferry", "kiln"]);
    expect((await live.keywords.search("Hollowbrook library", 5)).length).toBe(0);
    const { rows } = await side.query<{ n: string }>("SELECT count(*) AS n FROM rag_chunks WHERE source = 'library.txt'");
    expect(Number(rows[0]!.n)).toBe(0);

    const next = await publish([chunkOf("kiln", KILN), chunkOf("library", LIBRARY)]);
    expect(next.manifest.generation).not.toBe(first.manifest.generation);
    expect((await next.keywords.search("Hollowbrook library", 5)).map((h) => h.id)).toEqual(["library"]);
  });

  it("When the database is read-only, as a streaming replica is, Then a server's store connects and serves the live generation", async () => {
    const live = await publish([chunkOf("kiln", KILN), chunkOf("ferry", FERRY)]);
    const name = new URL(database.url).pathname.slice(1);
    await side.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    const replica = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    try {
      const served = (await replica.loadLive(embedder))!.snapshot;
      expect(served.manifest.generation).toBe(live.manifest.generation);
      expect((await served.keywords.search("Wrenfield ferry", 3))[0]?.id).toBe("ferry");
      expect((await served.vectors.search(await embedder.embedQuery("porcelain kiln firing"), 1))[0]?.id).toBe("kiln");
    } finally {
      await replica.close();
      await side.query(`ALTER DATABASE ${name} SET default_transaction_read_only = off`);
    }
  });
});
