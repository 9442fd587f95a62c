/**
 * The process's life and death, on the real entry point: `node --import tsx
 * src/main.ts` as a child process (one process, so the signal reaches the
 * service itself rather than a launcher in between), with its own temp dirs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manageLifecycle } from "../../src/lifecycle.js";
import { type FakeOpenAI, startFakeOpenAI } from "../helpers/fake-openai.js";
import { makeTempDir, REPO_ROOT } from "../helpers/test-server.js";

const MODEL_ANSWER = "NEMO Chairperson Petra Havu moderated the panel [1]. It took place on 24 April 2025 at the UNESCO forum [1].";

interface Child {
  process: ChildProcess;
  stderr: string[];
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const stderr: string[] = [];
  let partial = "";
  child.stderr!.on("data", (data: Buffer) => {
    const lines = (partial + data.toString("utf8")).split("\n");
    partial = lines.pop()!;
    stderr.push(...lines);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { process: child, stderr, exited };
}

/** Structured log lines (pino JSON) of the child so far. */
const logLines = (child: Child) =>
  child.stderr.flatMap((line) => {
    try {
      return [JSON.parse(line) as { msg: string; url?: string }];
    } catch {
      return [];
    }
  });

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Whether a new TCP connection to the URL is accepted, with a fresh socket (no pooled connection). */
function accepts(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/health`, { agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
  });
}

describe("Graceful shutdown of the real process", () => {
  let model: FakeOpenAI;
  let dir: string;
  beforeAll(async () => {
    model = await startFakeOpenAI();
    dir = await makeTempDir("rag-lifecycle-");
    await cp(path.join(REPO_ROOT, "corpus"), path.join(dir, "corpus"), { recursive: true });
  });
  afterAll(async () => {
    await model?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("When SIGTERM arrives during a streaming answer, Then new connections are refused, the stream finishes, and the process exits 0", async () => {
    model.script(() => ({ content: MODEL_ANSWER, chunkDelayMs: 120 }));
    const child = startMain({
      PORT: "0",
      HOST: "127.0.0.1",
      CORPUS_DIR: path.join(dir, "corpus"),
      INDEX_DIR: path.join(dir, "index"),
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: model.baseURL,
      EMBEDDING_WORKERS: "0",
      SHUTDOWN_GRACE_MS: "20000",
      LOG_LEVEL: "info",
    });
    try {
      const url = await waitFor(() => logLines(child).find((line) => line.url)?.url, "the service to listen", 90_000);
      const response = await fetch(`${url}/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "Who moderated the panel on digital technologies and AI at the UNESCO museum forum?", stream: true }),
      });
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let received = "";
      while (!received.includes("event: token")) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before the first token: ${received}`);
        received += value;
      }

      child.process.kill("SIGTERM");
      await waitFor(() => logLines(child).find((line) => line.msg.startsWith("shutting down")), "the shutdown to begin");
      expect(await accepts(url)).toBe(false);
      // Shutdown has begun, and the answer is still streaming.
      expect(model.requests[0]!.finished).toBe(false);

      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
      }
      expect(received).toContain("event: done");
      expect(received).not.toContain("event: error");
      const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(received)![1]!) as { answer: string; degraded: boolean };
      expect(done.answer).toMatch(/Petra Havu/);
      expect(done.degraded).toBe(false);
      expect(await child.exited).toBe(0);
      expect(logLines(child).map((line) => line.msg)).toContain("stopped");
    } finally {
      child.process.kill("SIGKILL");
    }
  });

  it("When a setting has a bad value, Then start-up fails at once with one line naming it, and exit code 1", async () => {
    const child = startMain({ RATE_LIMIT_MAX: "lots", CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index") });
    expect(await child.exited).toBe(1);
    const lines = child.stderr.filter((line) => line.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/RATE_LIMIT_MAX="lots"/);
  });
});

describe("Start-up brings the index up to date", () => {
  it("When documents were added and removed while the server was down, Then it serves the old index at once and follows the corpus in the background", async () => {
    const dir = await makeTempDir("rag-catch-up-");
    const corpusDir = path.join(dir, "corpus");
    const env = { PORT: "0", HOST: "127.0.0.1", CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir, "index"), EMBEDDING_WORKERS: "0", LOG_LEVEL: "info" };
    const search = async (url: string, query: string) => {
      const response = await fetch(`${url}/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, mode: "keyword" }) });
      return ((await response.json()) as { results: { source: string }[] }).results.map((r) => r.source);
    };
    try {
      await mkdir(corpusDir);
      await writeFile(path.join(corpusDir, "ferries.md"), "# Ferries\n\nThe island ferry leaves the harbour at 7:15 every morning.\n");
      await writeFile(path.join(corpusDir, "buses.md"), "# Buses\n\nThe airport bus stops at the station every twenty minutes.\n");
      const first = startMain(env);
      try {
        await waitFor(() => logLines(first).find((line) => line.url), "the first start to listen", 90_000);
        first.process.kill("SIGTERM");
        expect(await first.exited).toBe(0);
        // The index it built from the corpus at start-up is up to date: no second build.
        expect(logLines(first).map((line) => line.msg)).not.toContain("reindex started");
      } finally {
        first.process.kill("SIGKILL");
      }

      await writeFile(path.join(corpusDir, "trams.md"), "# Trams\n\nThe harbour tram runs until midnight on weekdays.\n");
      await rm(path.join(corpusDir, "buses.md"));
      const second = startMain(env);
      try {
        const url = await waitFor(() => logLines(second).find((line) => line.url)?.url, "the second start to listen", 90_000);
        await waitFor(() => logLines(second).find((line) => line.msg === "index published"), "the catch-up to publish", 90_000);
        const messages = logLines(second).map((line) => line.msg);
        // Listening came first: the index on disk served while the corpus was read again.
        expect(messages.findIndex((m) => m.startsWith("serving on"))).toBeLessThan(messages.indexOf("reindex started"));
        expect(await search(url, "harbour tram midnight")).toContain("trams.md");
        expect(await search(url, "airport bus station")).not.toContain("buses.md");
        expect(await search(url, "island ferry")).toContain("ferries.md");
      } finally {
        second.process.kill("SIGKILL");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Start-up failures", () => {
  it("When the corpus directory cannot be read, Then start-up fails with exit code 1 and a last line naming the directory", async () => {
    const dir = await makeTempDir("rag-no-corpus-");
    try {
      const missing = path.join(dir, "no-such-corpus");
      const child = startMain({ CORPUS_DIR: missing, INDEX_DIR: path.join(dir, "index"), EMBEDDING_WORKERS: "0", LOG_LEVEL: "warn" });
      expect(await child.exited).toBe(1);
      const last = child.stderr.filter((line) => line.trim()).at(-1)!;
      expect(last).toMatch(/^start-up failed: /);
      expect(last).toContain(missing);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Crash handling", () => {
  function harness() {
    const exits: number[] = [];
    const proc = Object.assign(new EventEmitter(), { exit: (code: number) => void exits.push(code) });
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString("utf8")) as { level: number; msg: string });
        done();
      },
    });
    return { proc, exits, lines, logger: pino({ level: "info" }, sink) };
  }

  it("When a promise rejection goes unhandled, Then it is logged as fatal and the process ends with exit code 1 instead of staying half-alive", async () => {
    const { proc, exits, lines, logger } = harness();
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    let released = false;
    manageLifecycle({ server, logger, graceMs: 5000, proc, release: async () => void (released = true) });

    proc.emit("unhandledRejection", new Error("boom"), Promise.resolve());
    await waitFor(() => (exits.length ? exits : undefined), "the exit");
    expect(exits).toEqual([1]);
    expect(server.listening).toBe(false);
    expect(released).toBe(true);
    expect(lines.find((line) => line.level === 60)?.msg).toMatch(/unhandled promise rejection/);
  });

  it("When in-flight requests outlast the grace period, Then their connections are cut and the exit code is 1", async () => {
    const { proc, exits, logger } = harness();
    // A handler that never answers.
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const arrived = new Promise((resolve) => server.once("request", resolve));
    const hanging = new Promise<string>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/", agent: false }).on("error", (error) => resolve(error.message));
    });
    await arrived;
    manageLifecycle({ server, logger, graceMs: 200, proc });

    proc.emit("SIGTERM");
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
    await waitFor(() => (exits.length ? exits : undefined), "the exit");
    expect(exits).toEqual([1]);
  });
});
