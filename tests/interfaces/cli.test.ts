/**
 * The `grounded-rag` command run as a child process, as a person runs it,
 * over the index of a running test server (or that server itself, `--url`).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { ABSTENTION_MESSAGE } from "../../src/answer/types.js";
import { REPO_ROOT, startTestServer, type TestServer } from "../helpers/test-server.js";

const BIN = path.join(REPO_ROOT, "bin/grounded-rag.js");
const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const SOURCE = "nemo-unesco-museum-forum-2025.txt";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function cli(...args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    CORPUS_DIR: path.join(server.dir, "corpus"),
    INDEX_DIR: path.join(server.dir, "index"),
    EMBEDDING_WORKERS: "0",
    // The command's own default (warnings only) is what a person gets.
    LOG_LEVEL: "",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("grounded-rag command line", () => {
  it("When asked a question, Then it prints the answer and numbered footnotes with source and cited sentence, exit 0", async () => {
    const run = await cli("ask", QUESTION);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [answer, blank, ...footnotes] = run.stdout.trimEnd().split("\n");
    expect(answer).toMatch(/Hangzhou.*\[1\]/);
    expect(blank).toBe("");
    // An uncertain answer says so on a line of its own before the footnotes.
    const numbered = footnotes.filter((line) => line.startsWith("["));
    expect(numbered[0]).toMatch(new RegExp(`^\\[1\\] ${SOURCE.replace(/\./g, "\\.")}: ".*Hangzhou, China.*"$`));
  });

  it("When asked with --json against a running server (--url), Then it prints the /ask response", async () => {
    const run = await cli("ask", "--json", "--url", server.url, QUESTION);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AskResult;
    expect(result).toMatchObject({ outcome: expect.stringMatching(/^(answered|uncertain)$/), citations: expect.arrayContaining([expect.objectContaining({ n: 1, source: SOURCE })]) });
  });

  it("When a question has a misspelt word, Then the answer is followed by what was searched", async () => {
    const run = await cli("ask", "--url", server.url, "Where did the forum take plase?");
    expect(run.stdout).toContain("Hangzhou");
    expect(run.stdout).toContain("(Searched for: Where did the forum take place?)");
    expect((await cli("ask", "--url", server.url, QUESTION)).stdout).not.toContain("Searched for");
  });

  it("When the documents do not say, Then it prints the abstention and exits 1", async () => {
    const run = await cli("ask", "--url", server.url, "What pressure should an espresso machine brew at?");
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(ABSTENTION_MESSAGE);
  });

  it("When it fails, Then it exits 2 with a one-line message naming the problem", async () => {
    const port = await closedPort();
    const unreachable = await cli("ask", "--url", `http://127.0.0.1:${port}`, QUESTION);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toBe(`grounded-rag: cannot reach http://127.0.0.1:${port}/ask: ECONNREFUSED\n`);
    const refused = await cli("ask", "--url", server.url, "x".repeat(2001));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^grounded-rag: http:\/\/127\.0\.0\.1:\d+\/ask answered 400: .*at most 2000 characters\n$/);
    const usage = await cli("ask", "-k", "99", QUESTION);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("When searching with --json, Then the passages come best first", async () => {
    const run = await cli("search", "--json", "--url", server.url, "-k", "2", "--mode", "keyword", "Finnish", "Museums", "Association");
    expect(run.code).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: { source: string; score: number }[] };
    expect(results).toHaveLength(2);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });

  it("When ingest runs on an index that is up to date, Then it says so and exits 0", async () => {
    const run = await cli("ingest");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Index is up to date/);
  });

  it("When asked for help, Then every command is listed", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    for (const command of ["serve", "ingest", "ask", "search", "mcp", "eval", "insights"]) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });
});
