/**
 * Starts the real service (real index on disk, real HTTP on an ephemeral
 * 127.0.0.1 port; the real embedder unless the test gives another) with a
 * config built from `env`, as main.ts would.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { createLogger } from "../../src/logger.js";
import { listen } from "../../src/server/http-server.js";
import { createServiceApp, createServices, type Services } from "../../src/services.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");

export interface TestServer {
  url: string;
  services: Services;
  /** Temp folder holding the index (and the corpus copy, when one was made). */
  dir: string;
  close(): Promise<void>;
  post(route: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface TestServerOptions {
  /** Corpus folder to serve; default: a temp copy of the repository's corpus/. */
  corpusDir?: string;
  env?: Record<string, string>;
  /** The embedder to serve with; default: the bundled model, as in production (tests not about the model pass fakeEmbedder()). */
  embedder?: Embedder;
}

export async function makeTempDir(prefix = "rag-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = await makeTempDir();
  let corpusDir = options.corpusDir;
  if (!corpusDir) {
    corpusDir = path.join(dir, "corpus");
    await cp(path.join(REPO_ROOT, "corpus"), corpusDir, { recursive: true });
  }
  const config = loadConfig({
    PORT: "0",
    CORPUS_DIR: corpusDir,
    INDEX_DIR: path.join(dir, "index"),
    // Used only with QUESTION_LOG=1; never the repository's data/ folder, shared by every run.
    QUESTION_LOG_FILE: path.join(dir, "question-log.sqlite"),
    LOG_LEVEL: "silent",
    // Tests fire many requests from one address; tests of the limit itself set their own.
    RATE_LIMIT_MAX: "0",
    ...options.env,
  });
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger, { embedder: options.embedder });
  const running = await listen(createServiceApp(services), 0, "127.0.0.1");
  return {
    url: running.url,
    services,
    dir,
    async close() {
      await running.close();
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
    post: (route, body, headers = {}) =>
      fetch(`${running.url}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
  };
}
