/**
 * @module bench/serve
 * The real service in a process of its own, serving a prebuilt benchmark index
 * (an INDEX_DIR, or a PostgreSQL database with VECTOR_STORE=pgvector, given in
 * `env`) on an ephemeral loopback port (built exactly as the tests build it). Prints
 * `{"url": …, "rssMiB": …}` once listening (the resident memory of the loaded
 * index, model workers included); stops on SIGTERM.
 *
 * Usage: tsx scripts/bench/serve.ts '{"corpusDir":"…","env":{"INDEX_DIR":"…"}}'
 */
import { startTestServer } from "../../tests/helpers/test-server.js";

export interface ServeArgs {
  corpusDir: string;
  /** Settings naming the index: INDEX_DIR, or VECTOR_STORE and DATABASE_URL. */
  env: Record<string, string>;
}

const { corpusDir, env } = JSON.parse(process.argv[2]!) as ServeArgs;
// The load generator sends every request from one address: the per-client limit would measure itself.
const server = await startTestServer({ corpusDir, env: { ...env, RATE_LIMIT_MAX: "0" } });
const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
process.stdout.write(`${JSON.stringify({ url: server.url, rssMiB })}\n`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
