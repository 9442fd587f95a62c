/**
 * `npm run soak`: the production service under steady load while its corpus
 * changes. The real entry point (`src/main.ts`, its own process, loopback
 * only) serves a temp corpus; /ask is driven first at full speed to find the
 * peak rate, then at half that rate for SOAK_SECONDS (default 300), while
 * every REINDEX_EVERY_S (default 30) one document is edited and
 * POST /admin/reindex publishes a new generation. The server's own RSS comes
 * from its /metrics. Ends with SIGTERM and checks the exit code. Writes its
 * section of docs/BENCHMARKS.md (between the `soak` markers).
 *
 * Usage: npm run soak [-- --seconds 300 --reindex-every 30]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { appendFile, cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import autocannon from "autocannon";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const SHARED = path.resolve(REPO_ROOT, "../shared");
const SCIFACT = path.join(SHARED, "bench-data/beir-scifact/corpus.jsonl.gz");
const SEED_QA = path.join(SHARED, "eval/seed-qa.jsonl");
const REPORT = path.join(REPO_ROOT, "docs/BENCHMARKS.md");
const MARKERS = { start: "<!-- soak:start -->", end: "<!-- soak:end -->" };
// Extra documents beside corpus/, so every reindex reloads an index of realistic size.
const EXTRA_DOCUMENTS = 300;
const PEAK_SECONDS = 20;
const WARM_UP_QUESTIONS = 10;
const CONNECTIONS = 8;
const RSS_SAMPLE_MS = 5000;
// The memory bound the run is judged by: RSS may grow by at most this share of its value at the start of the soak.
const RSS_GROWTH_BOUND = 0.25;

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "300" }, "reindex-every": { type: "string", default: "30" } },
});
const soakSeconds = Number(args.seconds);
const reindexEverySeconds = Number(args["reindex-every"]);

interface Reindex {
  atSecond: number;
  httpStatus: number;
  status?: string;
  durationMs?: number;
}

const log = (message: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rag-soak-"));
  const corpusDir = path.join(dir, "corpus");
  await cp(path.join(REPO_ROOT, "corpus"), corpusDir, { recursive: true });
  const extra = await writeExtraDocuments(corpusDir);
  const adminToken = randomBytes(16).toString("hex");
  log(`corpus: repository corpus + ${extra} SciFact abstracts; starting the service (first index build included)`);
  const server = await startService({
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    CORPUS_DIR: corpusDir,
    INDEX_DIR: path.join(dir, "index"),
    ADMIN_TOKEN: adminToken,
    // One load generator, one address: the per-client limit would only measure itself.
    RATE_LIMIT_MAX: "0",
    LOG_LEVEL: "warn",
  });
  try {
    const questions = seedQuestions();
    // The first questions pay for lazy start-up work (embedding workers, JIT); they would understate the peak.
    for (const question of questions.slice(0, WARM_UP_QUESTIONS)) await ask(server.url, question);
    log(`peak: ${CONNECTIONS} connections, ${PEAK_SECONDS} s`);
    const peak = await drive(server.url, questions, { duration: PEAK_SECONDS });
    const rate = Math.max(1, Math.floor(peak.requests.average / 2));
    log(`peak ${peak.requests.average.toFixed(1)} req/s; soak at ${rate} req/s for ${soakSeconds} s, reindex every ${reindexEverySeconds} s`);

    const rssStart = await residentBytes(server.url);
    const rssSamples = [rssStart];
    const reindexes: Reindex[] = [];
    const started = performance.now();
    const sampler = setInterval(() => void residentBytes(server.url).then((rss) => rssSamples.push(rss)), RSS_SAMPLE_MS);
    let reindexing = Promise.resolve();
    const reindexer = setInterval(() => {
      reindexing = reindexing.then(async () => {
        const atSecond = Math.round((performance.now() - started) / 1000);
        // A real edit, so each reindex embeds one changed file and publishes a new generation.
        await appendFile(path.join(corpusDir, "nemo-unesco-museum-forum-2025.txt"), `\nSoak edit at second ${atSecond}.\n`);
        reindexes.push({ atSecond, ...(await reindex(server.url, adminToken)) });
        log(`reindex at ${atSecond} s: ${JSON.stringify(reindexes.at(-1))}`);
      });
    }, reindexEverySeconds * 1000);
    const soak = await drive(server.url, questions, { duration: soakSeconds, overallRate: rate });
    clearInterval(sampler);
    clearInterval(reindexer);
    await reindexing;
    const rssEnd = await residentBytes(server.url);
    rssSamples.push(rssEnd);
    const exitCode = await server.stop();

    const figures = {
      command: `npm run soak -- --seconds ${soakSeconds} --reindex-every ${reindexEverySeconds}`,
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average at end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")}`,
      corpus: `repository corpus + ${extra} SciFact abstracts`,
      peak,
      rate,
      soak,
      reindexes,
      reindexEverySeconds,
      rss: { start: rssStart, end: rssEnd, max: Math.max(...rssSamples) },
      exitCode,
    };
    writeSection(render(figures));
    const failed = problems(figures);
    log(failed.length ? `FAILED: ${failed.join("; ")}` : "passed: no errors, memory within bound, clean exit");
    log("wrote docs/BENCHMARKS.md (soak section)");
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes SciFact abstracts into the corpus (when the benchmark data is there); returns how many. */
async function writeExtraDocuments(corpusDir: string): Promise<number> {
  if (!existsSync(SCIFACT)) {
    log(`${SCIFACT} is absent: the soak runs on the repository corpus alone`);
    return 0;
  }
  const documents = gunzipSync(readFileSync(SCIFACT))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .slice(0, EXTRA_DOCUMENTS)
    .map((line) => JSON.parse(line) as { _id: string; title: string; text: string });
  await Promise.all(documents.map((d) => writeFile(path.join(corpusDir, `scifact-${d._id}.md`), `# ${d.title}\n\n${d.text}\n`)));
  return documents.length;
}

function seedQuestions(): string[] {
  if (!existsSync(SEED_QA)) return ["Where did the forum take place?", "Who moderated the panel?", "What is the capital of Peru?"];
  return readFileSync(SEED_QA, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { question: string }).question);
}

interface Service {
  url: string;
  /** SIGTERM, then the exit code (null when it had already stopped). */
  stop(): Promise<number | null>;
}

/** A loopback port nobody listens on right now (the service needs a known one: it logs at warn level only). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startService(env: Record<string, string>): Promise<Service> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  // Ready once /ready says so; the first index build happens before the service listens.
  while ((await fetch(`${url}/ready`).catch(() => undefined))?.status !== 200) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    await sleep(250);
  }
  let stopped: Promise<number | null> | undefined;
  return {
    url,
    stop: () => (stopped ??= child.exitCode !== null ? exited : (child.kill("SIGTERM"), exited)),
  };
}

function drive(url: string, questions: string[], shape: { duration: number; overallRate?: number }) {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    timeout: 60,
    ...shape,
    requests: [
      {
        method: "POST",
        path: "/ask",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ question: questions[next++ % questions.length] }) }),
      },
    ],
  });
}

async function ask(url: string, question: string): Promise<void> {
  const response = await fetch(`${url}/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  await response.arrayBuffer();
}

async function reindex(url: string, token: string): Promise<Omit<Reindex, "atSecond">> {
  const response = await fetch(`${url}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => ({}))) as { status?: string; durationMs?: number };
  return { httpStatus: response.status, status: body.status, durationMs: body.durationMs };
}

/** The server's own resident set size, from its /metrics. */
async function residentBytes(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

type Figures = Parameters<typeof render>[0];

function problems(f: Figures): string[] {
  const found: string[] = [];
  const bad = f.soak.errors + f.soak.timeouts + f.soak.non2xx;
  if (bad) found.push(`${bad} failed requests during the soak`);
  if (f.reindexes.some((r) => r.httpStatus !== 200 || r.status !== "published")) found.push("a reindex did not publish");
  if (f.rss.end > f.rss.start * (1 + RSS_GROWTH_BOUND)) found.push(`RSS grew beyond ${RSS_GROWTH_BOUND * 100}%`);
  if (f.exitCode !== 0) found.push(`exit code ${f.exitCode} after SIGTERM`);
  return found;
}

function render(f: {
  command: string;
  date: string;
  machine: string;
  corpus: string;
  peak: autocannon.Result;
  rate: number;
  soak: autocannon.Result;
  reindexes: Reindex[];
  reindexEverySeconds: number;
  rss: { start: number; end: number; max: number };
  exitCode: number | null;
}): string {
  const reindexMs = f.reindexes.map((r) => r.durationMs ?? 0);
  const growth = ((f.rss.end - f.rss.start) / f.rss.start) * 100;
  const verdict = problems(f);
  return [
    `## Soak: half of peak load with a reindex every ${f.reindexEverySeconds} s`,
    "",
    `Command: \`${f.command}\` — run ${f.date}. Machine: ${f.machine}. Corpus: ${f.corpus}. Loopback only; answers extractive (offline).`,
    "Questions: the seed QA set's, asked in turn, so after the first round their query and sentence embeddings come from the server's memo: " +
      "the rates measure serving and hot swaps, not the model (for distinct questions see the HTTP figures of the main benchmark).",
    "The machine is shared with other work while this runs, so the rates are indicative; the pass criteria are not rates.",
    "",
    "| Figure | Value |",
    "| --- | --- |",
    `| Peak /ask rate (${CONNECTIONS} connections, ${PEAK_SECONDS} s, closed loop) | ${f.peak.requests.average.toFixed(1)} req/s |`,
    `| Soak rate (half of peak), duration | ${f.rate} req/s for ${f.soak.duration.toFixed(0)} s |`,
    `| Requests answered during the soak | ${f.soak.requests.total} (${f.soak.requests.average.toFixed(1)} req/s) |`,
    `| Non-2xx / errors / timeouts | ${f.soak.non2xx} / ${f.soak.errors} / ${f.soak.timeouts} |`,
    `| /ask latency p50 / p99 / max during the soak | ${f.soak.latency.p50} / ${f.soak.latency.p99} / ${f.soak.latency.max} ms |`,
    `| Reindexes (POST /admin/reindex after editing one file) | ${f.reindexes.length}, statuses: ${[...new Set(f.reindexes.map((r) => `${r.httpStatus} ${r.status}`))].join(", ")} |`,
    `| Reindex duration median / max | ${median(reindexMs)} / ${Math.max(0, ...reindexMs)} ms |`,
    `| Server RSS at soak start / end / max | ${mib(f.rss.start)} / ${mib(f.rss.end)} / ${mib(f.rss.max)} MiB (end − start: ${growth.toFixed(1)} %) |`,
    `| Memory bound | end RSS ≤ start RSS + ${RSS_GROWTH_BOUND * 100} % |`,
    `| Exit code after SIGTERM | ${f.exitCode} |`,
    "",
    verdict.length ? `**Result: failed** — ${verdict.join("; ")}.` : "**Result: passed** — no failed request, every reindex published, RSS within the bound, clean exit.",
  ].join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Replaces (or appends) the soak section of docs/BENCHMARKS.md, keeping everything outside its markers. */
function writeSection(body: string): void {
  const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Benchmarks\n";
  const section = `${MARKERS.start}\n${body}\n${MARKERS.end}`;
  const [start, end] = [current.indexOf(MARKERS.start), current.indexOf(MARKERS.end)];
  writeFileSync(
    REPORT,
    start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + MARKERS.end.length) : `${current.trimEnd()}\n\n${section}\n`,
  );
}

await main();
