/**
 * The real PostgreSQL 15 + pgvector server the pgvector tests run on: the
 * throw-away cluster `.ci/run` starts with scripts/pg/start.sh and names in
 * PG_TEST_URL (a developer runs the same: `eval "$(scripts/pg/start.sh)"; export
 * PG_TEST_URL`). Without it the pgvector tests are skipped; the global setup
 * (postgres-global-setup.ts) says so once. Each test file gets a database of
 * its own, so files running in parallel never see each other's tables.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

/** postgres:// URL of the test server's maintenance database, or undefined where no server was started. */
export const POSTGRES_URL = process.env.PG_TEST_URL || undefined;

/** `describe`, skipped where there is no test server. */
export const describeOnPostgres = describe.skipIf(!POSTGRES_URL);

export interface TestDatabase {
  /** postgres:// URL of the new database, for DATABASE_URL. */
  url: string;
  /** Drops the database, ending any connection still open to it. */
  close(): Promise<void>;
}

/** Creates an empty database on the test server. */
export async function createTestDatabase(serverUrl = POSTGRES_URL): Promise<TestDatabase> {
  if (!serverUrl) throw new Error("PG_TEST_URL is not set: start a server with scripts/pg/start.sh");
  const name = `rag_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    close: () => withClient(serverUrl, (client) => dropWhenIdle(client, name)),
  };
}

// How long a dropped database's connections may take to close on their own before they are ended.
const DRAIN_MS = 2000;
const DRAIN_POLL_MS = 50;

/**
 * Drops the database once the connections to it have closed, or after DRAIN_MS, ending those left. A pool's `end()`
 * resolves before its connections have closed: dropped at once WITH (FORCE), a connection still closing was terminated
 * by the server, and its client threw the termination (57P01) as an uncaught exception, failing a run whose tests had
 * all passed.
 */
async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  for (let waited = 0; waited < DRAIN_MS; waited += DRAIN_POLL_MS) {
    const { rows } = await client.query<{ open: number }>("SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1", [name]);
    if (rows[0]!.open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
