/**
 * @module bench/serve
 * The real service in a process of its own, serving a prebuilt benchmark index
 * on an ephemeral loopback port (built exactly as the tests build it). Prints
 * `{"url": …, "rssMiB": …}` once listening (the resident memory of the loaded
 * index, model workers included); stops on SIGTERM.
 *
 * Usage: tsx scripts/bench/serve.ts '{"indexDir":"…","corpusDir":"…"}'
 */
import { startTestServer } from "../../tests/helpers/test-server.js";

const { indexDir, corpusDir } = JSON.parse(process.argv[2]!) as { indexDir: string; corpusDir: string };
// The load generator sends every request from one address: the per-client limit would measure itself.
const server = await startTestServer({ corpusDir, env: { INDEX_DIR: indexDir, RATE_LIMIT_MAX: "0" } });
const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
process.stdout.write(`${JSON.stringify({ url: server.url, rssMiB })}\n`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
