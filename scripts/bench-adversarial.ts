/**
 * `npm run bench:adversarial [-- --before <checkout>]`: the pathological
 * inputs of issue 16 against the real service. For each crafted document:
 * the time to load and chunk it (in this process, with this checkout's
 * loaders, and with those of `--before`, an older commit checked out
 * elsewhere) and what ingest made of it; for each hostile request: status,
 * time and response size over real HTTP; and `/health` latency, probed from a
 * process of its own, while the worst documents are reindexed and asked about.
 * Writes its section of docs/SECURITY.md.
 *
 * Embeddings come from the tests' stand-in (hashed words, on the main thread,
 * 64 chunks per call): a 20 MB line is 60,000 chunks, which the bundled model
 * would take hours to embed on two cores; everything else is the product's.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { answerMessages } from "../src/answer/prompt.js";
import type { Chunk } from "../src/core/types.js";
import { isLoaded } from "../src/store/loaded-snapshot.js";
import { fakeEmbedder } from "../tests/helpers/fake-embedder.js";
import { makeTempDir, REPO_ROOT, startTestServer, type TestServer } from "../tests/helpers/test-server.js";
import { CRAFTED, NORMAL } from "./bench/adversarial-inputs.js";
import { runScript } from "./bench/child.js";
import type { Percentiles } from "./bench/stats.js";

const REPORT = path.join(REPO_ROOT, "docs/SECURITY.md");
const START = "<!-- bench-adversarial:start -->";
const END = "<!-- bench-adversarial:end -->";
const TOKEN = "bench-adversarial-admin-token-0123456789abcdef";
// A parse in this process past this is stopped and reported as "> limit" (the quadratic loaders took minutes).
const PARSE_CAP_MS = 60_000;
const HEALTH_SECONDS = 25;
const HEALTH_INTERVAL_MS = 20;

interface ParseFigure {
  ms: number;
  chunks?: number;
  longestChunk?: number;
  error?: string;
  capped?: boolean;
}

interface RequestFigure {
  what: string;
  status: number;
  ms: number;
  bytes: number;
  note?: string;
}

const before = argValue("--before");
const dir = await makeTempDir("bench-adversarial-");
const corpusDir = path.join(dir, "corpus");
let server: TestServer | undefined;
try {
  console.log("loading and chunking each crafted file in a child process…");
  const parse: Record<string, { after: ParseFigure; before?: ParseFigure }> = {};
  for (const file of CRAFTED.filter((f) => f.name !== "breakout.md" && f.name !== "hidden.html")) {
    parse[file.name] = {
      after: await parseIn(REPO_ROOT, file.name),
      ...(before && { before: await parseIn(path.resolve(before), file.name) }),
    };
    console.log(`  ${file.name}: ${JSON.stringify(parse[file.name])}`);
  }

  await mkdir(corpusDir, { recursive: true });
  await writeFile(path.join(corpusDir, NORMAL.name), NORMAL.content);
  for (const file of CRAFTED) await writeFile(path.join(corpusDir, file.name), file.content());
  console.log("starting the service (first ingest of the crafted corpus)…");
  const started = performance.now();
  server = await startTestServer({ corpusDir, embedder: fakeEmbedder(), env: { ADMIN_TOKEN: TOKEN } });
  const startMs = performance.now() - started;
  const snapshot = server.services.index.current;
  // An up-to-date reindex reports the files the start-up ingest could not read.
  const { unreadable } = (await (await fetch(`${server.url}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    unreadable: { source: string; message: string }[];
  };
  const chunksOf = (source: string) => (isLoaded(snapshot) ? snapshot.chunks.filter((c) => c.source === source) : []);
  const ingest = Object.fromEntries(
    CRAFTED.map((f) => {
      const failed = unreadable.find((u) => u.source === f.name);
      const chunks = chunksOf(f.name);
      return [f.name, failed ? `skipped: ${failed.message.slice(f.name.length + 2)}` : `${chunks.length} chunks, longest ${Math.max(0, ...chunks.map((c) => c.text.length))} characters`];
    }),
  );

  console.log("hostile requests…");
  const requests: RequestFigure[] = [];
  for (const file of CRAFTED) {
    requests.push(await timedRequest(server, `POST /ask about ${file.name}`, "/ask", { question: file.query }, (body) => {
      const answer = body as { outcome: string; citations: { source: string }[] };
      return `${answer.outcome}; ${answer.citations.some((c) => c.source === file.name) ? "cites" : "does not cite"} it`;
    }));
    requests.push(await timedRequest(server, `POST /search (k 100) for ${file.name}`, "/search", { query: file.query, k: 100 }, (body) => {
      const { results } = body as { results: { source: string; text: string }[] };
      return `${results.filter((r) => r.source === file.name).length} of ${results.length} results from it; longest text ${Math.max(0, ...results.map((r) => r.text.length))}`;
    }));
  }
  const hidden = (await (await server.post("/search", { query: "hiddenword", mode: "keyword", k: 100 })).json()) as { results: { text: string }[] };
  const breakout = breakoutCheck(chunksOf("breakout.md"));
  requests.push(await timedRequest(server, "POST /ask, question of zero-width characters only", "/ask", { question: "\u200b\u200c\u200d\u2060\ufeff" }));
  requests.push(await timedGet(server, "GET /health with Host: evil.example (DNS rebinding)", { host: "evil.example", origin: "http://evil.example" }));
  requests.push(await timedGet(server, "GET /sources/line.txt (20 MB document)", {}, "/sources/line.txt?start=10000000&end=10000480"));
  // Held open through the /health phases.
  const slowClient = slowBody(server.url);

  const phases: Phase[] = [];
  for (const load of ["idle", "reindex", "asks", "reindex and asks"] as const) {
    console.log(`/health probed for ${HEALTH_SECONDS} s: ${load}…`);
    phases.push(await healthPhase(server, load));
  }
  const slow = await slowClient;
  // Last: once throttled, this address could not reindex either.
  const adminThrottle = await wrongBearers(server, 15);

  const body = render({ startMs, parse, ingest, requests, hidden: hidden.results.filter((r) => r.text.includes("hiddenword")).length, breakout, adminThrottle, phases, slow, before });
  writeSection(body);
  console.log(body);
  console.log(`wrote ${path.relative(REPO_ROOT, REPORT)}`);
} finally {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
}

type Load = "idle" | "reindex" | "asks" | "reindex and asks";

interface Phase {
  load: Load;
  health: Percentiles & { failures: number };
  /** One-minute load average of the machine at the end (other jobs included). */
  loadAverage: number;
  reindex?: { status: number; ms: number; unreadable: number };
  asked: number;
}

/** /health probed from another process for HEALTH_SECONDS while the server does `load`. */
async function healthPhase(s: TestServer, load: Load): Promise<Phase> {
  const probe = runScript<Percentiles & { failures: number }>("scripts/bench/health-probe.ts", { url: s.url, durationMs: HEALTH_SECONDS * 1000, intervalMs: HEALTH_INTERVAL_MS });
  await sleep(1000);
  const deadline = performance.now() + (HEALTH_SECONDS - 3) * 1000;
  const started = performance.now();
  const reindex = load.includes("reindex")
    ? fetch(`${s.url}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ full: true }) }).then(
        async (r) => ({ status: r.status, ms: performance.now() - started, unreadable: ((await r.json()) as { unreadable?: unknown[] }).unreadable?.length ?? 0 }),
      )
    : undefined;
  let asked = 0;
  const askers = load.includes("asks")
    ? [0, 1].map(async (lane) => {
        for (let i = lane; performance.now() < deadline; i += 2) {
          const file = CRAFTED[i % CRAFTED.length]!;
          const response = await s.post(i % 4 < 2 ? "/ask" : "/search", i % 4 < 2 ? { question: file.query } : { query: file.query, k: 100 });
          await response.arrayBuffer();
          asked++;
        }
      })
    : [];
  const [health, reindexed] = await Promise.all([probe, reindex, ...askers]);
  return { load, health, loadAverage: loadavg()[0]!, asked, ...(reindexed && { reindex: reindexed }) };
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function parseIn(root: string, name: string): Promise<ParseFigure> {
  const started = performance.now();
  return runScript<ParseFigure>("scripts/bench/adversarial-parse.ts", { root, name }, PARSE_CAP_MS).catch((error: Error) =>
    performance.now() - started >= PARSE_CAP_MS ? { ms: PARSE_CAP_MS, capped: true } : { ms: NaN, error: error.message.split("\n")[0] },
  );
}

async function timedRequest(s: TestServer, what: string, route: string, body: unknown, describe?: (json: unknown) => string): Promise<RequestFigure> {
  const started = performance.now();
  const response = await s.post(route, body);
  const text = await response.text();
  const ms = performance.now() - started;
  return { what, status: response.status, ms, bytes: Buffer.byteLength(text), ...(describe && response.ok && { note: describe(JSON.parse(text)) }) };
}

async function timedGet(s: TestServer, what: string, headers: Record<string, string>, route = "/health"): Promise<RequestFigure> {
  // fetch() will not send a Host header of our choosing; a raw request will.
  const url = new URL(route, s.url);
  const started = performance.now();
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (piece: string) => (text += piece));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${headers.host ?? url.host}`, "accept: application/json", "connection: close"];
    for (const [name, value] of Object.entries(headers)) if (name !== "host") lines.push(`${name}: ${value}`);
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  });
  const status = Number(/^HTTP\/1\.1 (\d+)/.exec(raw)?.[1] ?? 0);
  const bodyBytes = Buffer.byteLength(raw.slice(raw.indexOf("\r\n\r\n") + 4));
  return { what, status, ms: performance.now() - started, bytes: bodyBytes };
}

/** How many of `tries` wrong admin bearers got 401 before the 429s began. */
async function wrongBearers(s: TestServer, tries: number): Promise<{ statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  for (let i = 0; i < tries; i++) {
    const response = await fetch(`${s.url}/admin/status`, { headers: { authorization: `Bearer wrong-token-${i}-0123456789abcdef0123456789` } });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
  return { statuses };
}

/** A client that sends its headers and then one body byte a second: how long until the server hangs up. */
function slowBody(base: string): Promise<{ closedAfterMs: number; status?: number }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(Number(url.port), url.hostname);
    let text = "";
    const drip = setInterval(() => socket.write("x"), 1000);
    const done = () => {
      clearInterval(drip);
      resolve({ closedAfterMs: performance.now() - started, status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]) || undefined });
    };
    socket.setEncoding("utf8");
    socket.on("data", (piece: string) => (text += piece));
    socket.on("close", done);
    socket.on("error", () => undefined);
    socket.write(`POST /ask HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n`);
  });
}

/** The prompt a chat model would get for the break-out document: how many wrappers it opens and closes. */
function breakoutCheck(chunks: Chunk[]): { passages: number; opened: number; closed: number } {
  const passages = chunks.map((chunk, i) => ({ n: i + 1, chunk, score: 1 }));
  const user = answerMessages("When does the capybara enclosure open?", passages).map(([, text]) => text).join("\n");
  return { passages: passages.length, opened: user.match(/<passage\b/g)?.length ?? 0, closed: user.match(/<\/passage>/g)?.length ?? 0 };
}

function render(r: {
  startMs: number;
  parse: Record<string, { after: ParseFigure; before?: ParseFigure }>;
  ingest: Record<string, string>;
  requests: RequestFigure[];
  hidden: number;
  breakout: { passages: number; opened: number; closed: number };
  adminThrottle: { statuses: Record<number, number> };
  phases: Phase[];
  slow: { closedAfterMs: number; status?: number };
  before?: string;
}): string {
  const ms = (x: number) => (Number.isNaN(x) ? "—" : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
  const parseCell = (f?: ParseFigure) =>
    !f ? "—" : f.capped ? `> ${ms(f.ms)} (stopped)` : f.error ? `${ms(f.ms)}: ${f.error.replace(/^[^:]+: /, "")}` : `${ms(f.ms)}, ${f.chunks} chunks, longest ${f.longestChunk}`;
  const bytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
  return [
    `Command: \`npm run bench:adversarial -- --before <checkout of 193f3e7^>\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} when written (the last column below gives it per row); the stand-in embedder (hashed words) replaces the model.`,
    "",
    "**Loading and chunking one crafted file** (in a process of its own, loaders and chunker only; the service itself parses in a worker thread with a budget of `LOAD_FILE_TIMEOUT_MS`):",
    "",
    `| File | What | Before (${r.before ? "193f3e7^" : "not measured"}) | Now | What ingest made of it (service, default settings) |`,
    "| --- | --- | --- | --- | --- |",
    ...CRAFTED.map((f) => `| \`${f.name}\` | ${f.what} | ${parseCell(r.parse[f.name]?.before)} | ${parseCell(r.parse[f.name]?.after)} | ${r.ingest[f.name]} |`),
    "",
    `First start of the service on this corpus (ingest included): ${ms(r.startMs)}.`,
    "",
    "**Hostile requests** (after the fixes; one at a time, server idle otherwise):",
    "",
    "| Request | Status | Time | Response | What it held |",
    "| --- | --- | --- | --- | --- |",
    ...r.requests.map((q) => `| ${q.what} | ${q.status} | ${ms(q.ms)} | ${bytes(q.bytes)} | ${q.note ?? ""} |`),
    "",
    `Hidden HTML: ${r.hidden} search results hold any of the six hidden texts. Prompt for the break-out document: ${r.breakout.passages} passage(s), ${r.breakout.opened} \`<passage\` opened, ${r.breakout.closed} \`</passage>\` closed (the document's own tags neutralised).`,
    `Wrong admin bearer tokens, 15 in a row from one address: ${Object.entries(r.adminThrottle.statuses).map(([status, n]) => `${n} × ${status}`).join(", ")}.`,
    `A client sending its headers and then one body byte a second to \`POST /ask\`: the server answered ${r.slow.status ?? "nothing"} and closed the connection after ${ms(r.slow.closedAfterMs)} (\`BODY_TIMEOUT_MS\`).`,
    "",
    `**\`/health\` while the worst inputs are ingested and asked**, probed every ${HEALTH_INTERVAL_MS} ms for ${HEALTH_SECONDS} s per row from another process (target: p99 < 50 ms). Reindex: \`POST /admin/reindex {"full": true}\`, re-reading, re-parsing and re-embedding the whole crafted corpus; asks: \`/ask\` and \`/search\` about each crafted file in turn, two at a time, back to back. The slow client above was connected during the first of these rows. The stand-in embedder embeds questions and evidence sentences on the event loop, where the bundled model uses worker threads: the rows with asks are pessimistic.`,
    "",
    "| Server doing | Reindex | Requests served | /health p50 | p95 | p99 | Probes (failed) | Load average |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...r.phases.map(
      (p) =>
        `| ${p.load} | ${p.reindex ? `${p.reindex.status}, ${ms(p.reindex.ms)}, ${p.reindex.unreadable} files named unreadable` : "—"} | ${p.asked || "—"} | ${ms(p.health.p50)} | ${ms(p.health.p95)} | **${ms(p.health.p99)}** | ${p.health.n} (${p.health.failures}) | ${p.loadAverage.toFixed(1)} |`,
    ),
  ].join("\n");
}

function writeSection(body: string): void {
  const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Security\n";
  const section = `${START}\n${body}\n${END}`;
  const at = current.indexOf(START);
  const until = current.indexOf(END);
  writeFileSync(REPORT, at >= 0 && until > at ? current.slice(0, at) + section + current.slice(until + END.length) : `${current.trimEnd()}\n\n${section}\n`);
}
