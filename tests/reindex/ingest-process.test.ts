import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/ingest/ingest-lock.js";
import { currentGeneration } from "../../src/store/embedded/generations.js";
import { REPO_ROOT, startTestServer, type TestServer } from "../helpers/test-server.js";
import { FERRY, KILN, writeCorpus } from "./fixtures.js";

// Each child process loads the model on its own; on a busy 2-core runner that takes a while.
const CHILD_TIMEOUT_MS = 240_000;
const EMBEDDED_LINE = /ingest: ([1-9]\d*)\/(\d+) chunks embedded/;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run ingest` as its own process (node + tsx directly, so the pid is the ingest's own). */
function spawnIngest(corpusDir: string, indexDir: string): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: "warn", EMBEDDING_WORKERS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const finished = new Promise<Finished>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, finished };
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (d: Buffer) => {
      seen += d.toString();
      const line = seen.split("\n").find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.on("exit", () => reject(new Error(`ingest exited before printing ${pattern}:\n${seen}`)));
  });
}

/** Enough distinct text for several embedding batches, so the ingest can be killed in the middle. */
function surveyDocuments(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let d = 0; d < count; d++) {
    const paragraphs = Array.from({ length: 5 }, (_, p) =>
      Array.from({ length: 4 }, (_, s) => `Survey ${d}-${p}-${s} of district ${d * 31 + p} counted ${d * 97 + p * 13 + s} oak trees and ${s + p + d} wells along the river.`).join(" "),
    );
    files[`survey-${String(d).padStart(2, "0")}.txt`] = `District survey ${d}\n\n${paragraphs.join("\n\n")}\n`;
  }
  return files;
}

describe("ingest processes: crash safety and the lock", () => {
  let server: TestServer;
  let corpusDir: string;
  let indexDir: string;
  const health = async () => (await (await fetch(`${server.url}/health`)).json()) as { generation: string };

  beforeAll(async () => {
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY });
    server = await startTestServer({ corpusDir, env: { EMBEDDING_WORKERS: "0" } });
    indexDir = server.services.config.indexDir;
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When an ingest is killed with SIGKILL after its first embedding batch, Then the server keeps answering from the old generation and the next ingest completes", async () => {
    const before = (await health()).generation;
    for (const [name, text] of Object.entries(surveyDocuments(24))) await writeFile(path.join(corpusDir, name), text);

    const killed = spawnIngest(corpusDir, indexDir);
    const line = await waitForLine(killed.child, EMBEDDED_LINE);
    const [, done, total] = EMBEDDED_LINE.exec(line)!.map(Number);
    expect(done).toBeLessThan(total!);
    killed.child.kill("SIGKILL");
    expect((await killed.finished).signal).toBe("SIGKILL");

    expect(await currentGeneration(indexDir)).toBe(before);
    expect((await health()).generation).toBe(before);
    const response = await server.post("/ask", { question: "At what temperature does the Aldermoor kiln fire porcelain?" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { abstained: boolean; citations: { source: string }[] };
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.source).toBe("kiln.txt");
    // The dead process's lock is still there; the next ingest must take it over.
    expect(JSON.parse(await readFile(path.join(indexDir, LOCK_FILE), "utf8"))).toMatchObject({ pid: killed.child.pid });

    const next = await spawnIngest(corpusDir, indexDir).finished;
    expect(next.stderr).not.toMatch(/failed|refused/);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/Published gen-/);
    // What the killed run embedded was kept in the cache and not embedded again.
    const reused = Number(/chunks: \d+ embedded, (\d+) reused/.exec(next.stdout)?.[1]);
    expect(reused).toBeGreaterThanOrEqual(done! + 2);

    const outcome = await server.services.reindexer.reindex({ reason: "test" });
    expect(outcome.status).toBe("reloaded");
    expect((await health()).generation).toBe(await currentGeneration(indexDir));
  }, CHILD_TIMEOUT_MS);

  it("When two ingests start at once, Then one runs and the other exits non-zero naming the holder's pid", async () => {
    await writeFile(path.join(corpusDir, "ferry.txt"), `${FERRY}\nA night ferry runs on Fridays until midnight.\n`);
    const first = spawnIngest(corpusDir, indexDir);
    const second = spawnIngest(corpusDir, indexDir);
    const results = await Promise.all([first.finished, second.finished]);
    const pids = [first.child.pid, second.child.pid];
    const loser = results.findIndex((r) => r.code !== 0);
    expect(loser).toBeGreaterThanOrEqual(0);
    expect(results[1 - loser]!.code).toBe(0);
    expect(results[loser]!.code).toBe(1);
    expect(results[loser]!.stderr).toContain(`another ingest is already running (pid ${pids[1 - loser]}`);
  }, CHILD_TIMEOUT_MS);
});
