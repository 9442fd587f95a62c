import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { FERRY, FERRY_REPLACED, KILN, writeCorpus } from "../reindex/fixtures.js";

const TOKEN = "pg-follow-token-0123456789abcdef0123456789";

describeOnPostgres("a server following the database's live generation", () => {
  let database: TestDatabase;
  let corpusDir: string;
  let publisher: TestServer;
  let follower: TestServer;

  const citedSources = async (server: TestServer, question: string) => {
    const body = (await (await server.post("/ask", { question })).json()) as { citations: { source: string; text: string }[] };
    return body.citations;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY });
    const env = { VECTOR_STORE: "pgvector", DATABASE_URL: database.url, ADMIN_TOKEN: TOKEN };
    publisher = await startTestServer({ corpusDir, env: { ...env, PGVECTOR_POLL_MS: "0" } });
    follower = await startTestServer({ corpusDir, env: { ...env, PGVECTOR_POLL_MS: "100" } });
  });
  afterAll(async () => {
    await publisher?.close();
    await follower?.close();
    await database?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When another server publishes a generation, Then this one serves it without a reindex of its own and cites the same passages", async () => {
    const before = follower.services.ask.index.current.manifest.generation;
    await writeFile(path.join(corpusDir, "ferry.txt"), FERRY_REPLACED);
    const response = await publisher.post("/admin/reindex", {}, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    const published = publisher.services.ask.index.current.manifest.generation;
    expect(published).not.toBe(before);

    await vi.waitFor(() => expect(follower.services.ask.index.current.manifest.generation).toBe(published), { timeout: 10_000, interval: 50 });
    const question = "When did the Quillon bridge open?";
    const cited = await citedSources(follower, question);
    expect(cited[0]?.source).toBe("ferry.txt");
    expect(cited).toEqual(await citedSources(publisher, question));
  });
});
