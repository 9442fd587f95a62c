/**
 * A service over a small corpus written for one suite, with the bundled model: started before the suite's tests,
 * closed (and its files removed) after them.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

export interface ServedCorpus {
  server(): TestServer;
  /** POST /ask with the question alone. */
  ask(question: string): Promise<AskResult>;
}

export function serveCorpus(files: Record<string, string | Buffer>): ServedCorpus {
  let server: TestServer | undefined;
  let corpusDir: string | undefined;
  beforeAll(async () => {
    corpusDir = await writeCorpus(files);
    server = await startTestServer({ corpusDir });
  });
  afterAll(async () => {
    await server?.close();
    if (corpusDir) await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });
  return {
    server: () => server!,
    ask: async (question) => (await (await server!.post("/ask", { question })).json()) as AskResult,
  };
}
