/**
 * @module config
 * The one place that reads the environment. Every setting has an env name, a
 * default and a doc string; `loadConfig` validates them all at start-up and
 * returns a frozen object that is passed down in slices.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { DecisionCalibration, RankingModel } from "./core/answer-calibration.js";
import type { Bm25Parameters } from "./core/types.js";
import bundledCalibration from "./retrieval/calibration.json" with { type: "json" };

/**
 * What `npm run eval` chose on data for the bundled embedder and wrote to
 * src/retrieval/calibration.json: the defaults of FUSION, DENSE_WEIGHT,
 * NOT_FOUND_THRESHOLD and ANSWER_THRESHOLD, the BM25 parameters, and the answer
 * layer's sentence ranking weights and decision models. Read here, once, and passed down as
 * `config.calibration`, so an operator sees the values in one place and a
 * test can give its own to `loadConfig`.
 */
export interface Calibration {
  note?: string;
  /** The embedder the values were chosen for. */
  embedder: string;
  fusion: "weighted" | "rrf";
  denseWeight: number;
  /** BM25: k1, b, and how many body occurrences one title/heading occurrence is worth. */
  bm25: Bm25Parameters;
  /** The sentence ranking: which sentence holds the answer (answer/evidence.ts). */
  ranking: RankingModel;
  /** The answer decision (answer/decision.ts): relevance gate and answer confidence, with their thresholds. */
  decision: DecisionCalibration;
}

/** The calibration shipped with the code, for the bundled embedder. */
export const BUNDLED_CALIBRATION: Readonly<Calibration> = Object.freeze(bundledCalibration as Calibration);

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const flag = z
  .enum(["0", "1", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");
/** Long enough that a key cannot be guessed within any rate limit (e.g. `openssl rand -hex 24` gives 48). */
export const MIN_API_KEY_LENGTH = 32;
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
/** Shortest bearer secret accepted: long enough that guessing it, even unthrottled, is hopeless. */
export const MIN_SECRET_CHARS = 32;
/** An optional bearer secret: unset, or at least MIN_SECRET_CHARS characters (`openssl rand -hex 32` makes one). */
const secret = (name: string) =>
  optionalString.refine((v) => v === undefined || v.length >= MIN_SECRET_CHARS, `${name} must be at least ${MIN_SECRET_CHARS} characters (e.g. openssl rand -hex 32)`);
const hostList = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));

/** Each entry: env name → schema with default, and a line of documentation (rendered in the README). */
export const settings = {
  PORT: { schema: int(0, 65535).default(3000), doc: "HTTP port to listen on (0 picks a free one)." },
  HOST: { schema: z.string().default("127.0.0.1"), doc: "Interface to bind; 0.0.0.0 to serve other machines." },
  CORPUS_DIR: { schema: z.string().min(1).default("corpus"), doc: "Folder of documents to index (.md, .txt, .html, .pdf)." },
  INDEX_DIR: { schema: z.string().min(1).default("data/index"), doc: "Where the index is written and read." },
  VECTOR_STORE: {
    schema: z.enum(["hnsw", "pgvector"]).default("hnsw"),
    doc: "`hnsw`: the embedded index in INDEX_DIR. `pgvector`: chunks, vectors and generations in PostgreSQL + pgvector (DATABASE_URL), shared by several servers.",
  },
  DATABASE_URL: { schema: optionalString, doc: "PostgreSQL connection string when VECTOR_STORE=pgvector, e.g. postgres://rag:rag@localhost:5432/rag." },
  DATABASE_READ_URL: {
    schema: optionalString,
    doc: "With VECTOR_STORE=pgvector: a read replica of DATABASE_URL (e.g. a managed service's reader endpoint) that searches, /sources and following new generations read from; reindexing, the question log and votes still use DATABASE_URL. Unset: everything on DATABASE_URL.",
  },
  PGVECTOR_POLL_MS: {
    schema: int(0, 3_600_000).default(2000),
    doc: "With VECTOR_STORE=pgvector: how often a server checks for a generation another server published, and loads it; 0: only on its own reindex.",
  },
  PG_POOL_SIZE: {
    schema: int(1, 1000).default(10),
    doc: "With VECTOR_STORE=pgvector: connections each server keeps to PostgreSQL (a reindex holds one for its transaction).",
  },
  PG_STATEMENT_TIMEOUT_MS: {
    schema: int(0, 3_600_000).default(5000),
    doc: "With VECTOR_STORE=pgvector: longest a request's query, or its wait for a connection, may take before the request is answered 503; 0: no limit.",
  },
  WATCH_CORPUS: {
    schema: flag.default(false),
    doc: "1: watch CORPUS_DIR and reindex the running server once changes settle (same as `npm start -- --watch`).",
  },
  WATCH_DEBOUNCE_MS: { schema: int(50, 600_000).default(1000), doc: "How long the corpus must stay unchanged before a watched change triggers a reindex." },
  ADMIN_TOKEN: {
    schema: secret("ADMIN_TOKEN"),
    doc: "Token (at least 32 characters) for the admin page (`/admin`) and API (`Authorization: Bearer …`: documents, reindex, insights); unset: the admin routes do not exist (404).",
  },
  SOURCE_URLS: {
    schema: z
      .string()
      .default("")
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine((list) => list.every(isHttpUrl), "must be comma-separated http(s) URLs of sitemaps or pages"),
    doc: "Websites to index besides CORPUS_DIR: comma-separated sitemap URLs (…/sitemap.xml) or page URLs (then same-host links are followed). Re-crawled on every reindex; citations link to the live page.",
  },
  SOURCE_REFRESH_MINUTES: { schema: int(0, 525_600).default(0), doc: "Re-crawl SOURCE_URLS and reindex every this many minutes; 0: only when a reindex runs." },
  SOURCE_CRAWL_DELAY_MS: {
    schema: int(0, 60_000).default(1000),
    doc: "Pause between two requests to the same website (a longer `Crawl-delay` in its robots.txt wins).",
  },
  SOURCE_MAX_PAGES: { schema: int(1, 100_000).default(200), doc: "Most pages taken from SOURCE_URLS in one crawl." },
  WELCOME_TEXT: { schema: optionalString, doc: "The chat's greeting; unset: \"Ask about N documents, e.g.\" with the number indexed." },
  EXAMPLE_QUESTIONS: {
    schema: z
      .string()
      .default("")
      .transform((v) => v.split("|").map((q) => q.trim()).filter(Boolean)),
    doc: "Example questions on the chat's first screen, separated by `|`; unset: three derived from the documents' titles and headings.",
  },
  API_KEYS: {
    schema: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= MIN_API_KEY_LENGTH), `every key must be at least ${MIN_API_KEY_LENGTH} characters`),
    doc: "Comma-separated keys (each at least 32 characters) that `/v1/*` and `/mcp` require as `Authorization: Bearer <key>`; unset: open like /ask.",
    secret: true,
  },
  EMBEDDINGS_PROVIDER: {
    schema: z.enum(["local", "openai"]).default("local"),
    doc: "`local`: the bundled Universal Sentence Encoder (offline). `openai`: OpenAI-compatible embeddings.",
  },
  EMBEDDINGS_MODEL: { schema: z.string().default("text-embedding-3-small"), doc: "Embedding model when EMBEDDINGS_PROVIDER=openai." },
  EMBEDDING_WORKERS: {
    schema: int(0, 64).default(availableParallelism()),
    doc: "Worker threads running the bundled embedder, so embedding never blocks the server; 0 runs it on the main thread. Default: one per core.",
  },
  OPENAI_API_KEY: { schema: optionalString, doc: "Enables answers generated by a chat model. Unset: extractive answers, offline." },
  OPENAI_BASE_URL: { schema: optionalString, doc: "Any OpenAI-compatible server (vLLM, Ollama, LM Studio); unset means api.openai.com." },
  CHAT_MODEL: { schema: z.string().min(1).default("gpt-4o-mini"), doc: "Chat model name sent to the OpenAI-compatible server." },
  CHAT_TIMEOUT_MS: {
    schema: int(100, 600_000).default(30_000),
    doc: "Deadline of the chat model's answer, retries included; past it the extractive answer is served (`degraded: true`).",
  },
  CHAT_MAX_RETRIES: { schema: int(0, 10).default(2), doc: "Retries of a failed chat model call (429, 5xx, timeout, malformed reply) before falling back to extractive." },
  CHAT_RETRY_BACKOFF_MS: { schema: int(0, 60_000).default(500), doc: "Wait before the first retry; doubled for each further retry." },
  CONTEXT_TOKEN_BUDGET: {
    schema: int(200, 200_000).default(3000),
    doc: "Approximate tokens of passages shown to the answerer, best first; passages that do not fit are returned as context only.",
  },
  CHUNK_SIZE: {
    // Measured with everything refitted (`CHUNK_SIZE=… npm run eval`, 2026-12-04), longer chunks find more and answer
    // less. At 560: NQ-open check hit@5 95.5 → 96.2 %, but confident answers 414 → 282, the seed set's 5 → 1, and SciFact
    // hybrid 0.657 → 0.626 (the refitted dense weight rose to 0.45). At 1000: hit@5 96.5 %, SciFact 0.667 (keyword alone
    // 0.688), but confident answers 414 → 378 and the paraphrase set's gold answers 90.6 → 84.4 %. More sentences per
    // passage compete for the answer (NQ-open's check answers holding a gold answer hardly moved: 76.1 → 77.6 and 76.8 %),
    // and the embedder reads only a chunk's first ~90 words.
    schema: int(100, 8000).default(480),
    doc: "Target chunk length in characters. The bundled embedder reads only ~90 words, and longer chunks measured fewer confident answers: keep it under ~550.",
  },
  CHUNK_OVERLAP: { schema: int(0, 4000).default(80), doc: "Characters of trailing sentences repeated at the start of the next chunk." },
  TOP_K: {
    // At 3, refitted (`TOP_K=3 npm run eval`, 2026-12-04): NQ-open check confident answers 414 → 190 (precision 0.877 →
    // 0.905), the seed set's 5 → 0, gold passage retrieved 95.5 → 93.8 %. At 8 (`TOP_K=8 npm run eval -- --only=qa`,
    // 2026-12-06): gold passage retrieved 95.3 → 97.5 % and the small corpora's 92.9 → 96.1 %, but answers holding a
    // gold answer hardly more (80.6 → 80.9 %, 80.7 → 81.3 %), NQ-open's confident answers 494 at 0.897 → 459 at 0.876,
    // the workplace set's 23 → 19: more passages put more sentences up against the one that answers.
    schema: int(1, 20).default(5),
    doc: "Passages retrieved for an answer when the request gives no `k`.",
  },
  CHAT_TOP_K: {
    // A paraphrase's passage is often ranked sixth to tenth: of the small corpora's paraphrased check questions, 81 % have
    // a passage holding the answer in the top 5 and 95 % in the top 10 (NQ-open's fit questions: 95.6 and 97.3 %). A
    // model reads a passage worded unlike the question; the extractive evidence does not: offline, TOP_K=8 (refitted,
    // `npm run eval -- --only=qa`, 2026-12-06) put the answer in hardly more answers (small corpora 81.7 → 82.1 %,
    // NQ-open 79.9 → 80.4 %) and answered fewer confidently (NQ-open 503 → 464, small corpora 93 → 84).
    schema: int(1, 20).default(10),
    doc: "With a chat model, the passages it reads when the request gives no `k` (the best `TOP_K` of them decide `not_found`, as offline).",
  },
  FUSION: {
    // Unset: the calibration's value (see loadConfig).
    schema: z.enum(["weighted", "rrf"]).optional(),
    doc: "How hybrid search combines dense and keyword results: `weighted` normalised scores (DENSE_WEIGHT) or `rrf` (reciprocal rank fusion).",
  },
  MMR_LAMBDA: {
    schema: num(0, 1).default(1),
    doc: "Maximal marginal relevance: 1 = off; lower values trade relevance for less repetitive passages (e.g. 0.7).",
  },
  DENSE_WEIGHT: {
    schema: num(0, 1).optional(),
    doc: "Weight of dense similarity in hybrid fusion (keyword gets 1 − this); default chosen by `npm run eval` for the bundled embedder.",
  },
  NOT_FOUND_THRESHOLD: {
    schema: num(0, 1).optional(),
    doc: "Below this relevance of the retrieved passages the answer is `not_found` and no answerer (not even the chat model) is called; default chosen by `npm run eval` for recall.",
  },
  ANSWER_THRESHOLD: {
    schema: num(0, 1).optional(),
    doc: "Offline, an evidence confidence at or above this is `answered`; below it (and above NOT_FOUND_THRESHOLD) `uncertain`, showing the closest passage; default chosen by `npm run eval`.",
  },
  ALLOWED_ORIGINS: {
    schema: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean))
      .refine((list) => list.every((o) => o === "*" || isOrigin(o)), "must be comma-separated origins like https://example.org, or *"),
    doc: "Other sites allowed to embed the chat widget and call the API from a browser (CORS); `*` allows any. Unset: same origin only.",
  },
  QUESTION_LOG: {
    schema: flag.default(false),
    doc: "1: keep a log of questions (question, outcome, confidence, cited sources, latency, model, feedback; never IP addresses or headers) for the content-gap report at /admin/insights.",
  },
  QUESTION_LOG_DAYS: { schema: int(1, 3650).default(30), doc: "Days a logged question is kept; older entries are deleted automatically (at start-up and every hour)." },
  QUESTION_LOG_FILE: {
    schema: z.string().min(1).default("data/question-log.sqlite"),
    doc: "SQLite file of the question log; with VECTOR_STORE=pgvector the log is the `rag_questions` table in DATABASE_URL instead.",
  },
  LOG_LEVEL: { schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"), doc: "pino log level." },
  RATE_LIMIT_WINDOW_MS: { schema: int(1000, 86_400_000).default(60_000), doc: "Window of the per-client rate limit on /ask, /search, /sources, /v1 and /mcp." },
  RATE_LIMIT_MAX: {
    schema: int(0, 1_000_000).default(60),
    doc: "Requests to /ask, /search, /sources, /v1 and /mcp one client (IP address) may make per window, all together; then 429 with Retry-After. 0 disables the limit.",
  },
  TRUST_PROXY: {
    schema: int(0, 10).default(0),
    doc: "Reverse proxies in front of the service whose X-Forwarded-For is trusted, so limits and logs see the real client address.",
  },
  REQUEST_TIMEOUT_MS: {
    schema: int(100, 600_000).default(60_000),
    doc: "A request to /ask, /search, /v1 or /mcp with no response started by then gets 504 (a started stream is bounded by CHAT_TIMEOUT_MS instead).",
  },
  MODEL_CONCURRENCY: { schema: int(1, 256).default(4), doc: "Chat model calls running at once; more wait in the queue." },
  MODEL_QUEUE_SIZE: {
    schema: int(0, 10_000).default(16),
    doc: "Questions that may wait for a chat model slot; when the queue is full the service answers 503 with Retry-After.",
  },
  MAX_FILE_MB: {
    schema: num(0.001, 4096).default(20),
    doc: "Largest corpus file indexed, in megabytes; a bigger file is skipped and named in the ingest report, and refused (413) by the admin page and `PUT /admin/documents/:id`.",
  },
  LOAD_FILE_TIMEOUT_MS: {
    schema: int(50, 3_600_000).default(10_000),
    doc: "Longest one corpus file may take to be parsed and chunked (in a worker thread, off the event loop); a file still running then is skipped and named in the ingest report, and its worker replaced.",
  },
  PUBLIC_ORIGIN: {
    schema: optionalString.refine((v) => v === undefined || isOrigin(v.replace(/\/+$/, "")), "must be an origin like https://rag.example.org"),
    doc: "The origin users reach the service at (e.g. https://rag.example.org); its host name is accepted in the Host header.",
  },
  ALLOWED_HOSTS: {
    schema: hostList,
    doc: "Further host names (with port when not the default) accepted in the Host header, comma-separated; `*` accepts any. Loopback names and IP addresses are always accepted; other names get 403 (DNS rebinding).",
  },
  METRICS_TOKEN: { schema: secret("METRICS_TOKEN"), doc: "Bearer token required for GET /metrics (at least 32 characters); unset: /metrics is open, so keep it off the public proxy." },
  HEADERS_TIMEOUT_MS: { schema: int(1000, 600_000).default(10_000), doc: "A client must send its request headers within this time, or the connection is closed." },
  BODY_TIMEOUT_MS: { schema: int(1000, 600_000).default(30_000), doc: "A client must send its whole request (headers and body) within this time, or it gets 408." },
  MAX_CONNECTIONS: { schema: int(1, 1_000_000).default(1024), doc: "Open connections accepted at once; more are refused until some close." },
  SHUTDOWN_GRACE_MS: {
    schema: int(0, 600_000).default(10_000),
    doc: "On SIGTERM, how long in-flight requests and streams may take to finish before connections are cut.",
  },
} as const;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** Host header values to accept besides loopback and IP addresses: PUBLIC_ORIGIN's host and ALLOWED_HOSTS. */
function allowedHosts(publicOrigin: string | undefined, hosts: string[]): string[] {
  return publicOrigin ? [new URL(publicOrigin).host.toLowerCase(), ...hosts] : hosts;
}

function isOrigin(value: string): boolean {
  return URL.canParse(value) && new URL(value).origin === value;
}

type Settings = typeof settings;
type Parsed = { [K in keyof Settings]: z.output<Settings[K]["schema"]> };

export interface Config {
  server: { port: number; host: string; shutdownGraceMs: number; headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  limits: Limits;
  corpusDir: string;
  indexDir: string;
  /** Where generations live; INDEX_DIR still holds the embedding cache and the ingest lock with pgvector. */
  vectorStore: { kind: "hnsw" } | { kind: "pgvector"; databaseUrl: string; readUrl?: string; pollMs: number; poolSize: number; statementTimeoutMs: number };
  reindex: { watch: boolean; debounceMs: number; adminToken?: string };
  /** Keys for the OpenAI-compatible API and the MCP endpoint; empty: those are open. */
  apiKeys: readonly string[];
  chunking: { size: number; overlap: number };
  /** Bounds on loading one corpus file (src/ingest/load-corpus.ts). */
  ingest: { maxFileBytes: number; fileTimeoutMs: number };
  embeddings: { provider: "local" | "openai"; model: string; workers: number };
  llm: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number; retryBackoffMs: number } | undefined;
  openai: { apiKey?: string; baseURL?: string };
  retrieval: {
    topK: number;
    /** Passages a chat model reads; the best `topK` of them are weighed. */
    chatTopK: number;
    denseWeight: number;
    fusion: "weighted" | "rrf";
    mmrLambda: number;
    contextTokenBudget: number;
    /** BM25 parameters of the keyword index the embedded store builds (from the calibration). */
    bm25: Calibration["bm25"];
  };
  /** The answer stage's fitted settings: sentence ranking and the decision, its thresholds as configured. */
  answering: { ranking: RankingModel; decision: DecisionCalibration };
  /** The whole calibration the defaults above came from. */
  calibration: Readonly<Calibration>;
  logLevel: Parsed["LOG_LEVEL"];
  /** What people asked, for the content-gap report (src/insights); off unless QUESTION_LOG=1. */
  questionLog: { enabled: boolean; days: number; file: string };
  web: { allowedOrigins: string[]; allowedHosts: string[]; metricsToken?: string };
  /** Websites indexed besides the corpus folder (src/sources/web). */
  sources: { urls: string[]; refreshMinutes: number; crawlDelayMs: number; maxPages: number };
  /** The chat's first screen; unset fields are derived from the index. */
  welcome: { text?: string; examples: string[] };
}

/** Guards against abuse and overload (src/server/middleware, src/answer/limited-answerer.ts). */
export interface Limits {
  rateLimit: { windowMs: number; max: number };
  trustProxy: number;
  requestTimeoutMs: number;
  model: { concurrency: number; queueSize: number };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses and validates the environment; throws a ConfigError naming every bad
 * variable. `calibration` gives the defaults the environment may override.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), calibration: Readonly<Calibration> = BUNDLED_CALIBRATION): Config {
  const parsed: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    const raw = env[name];
    const result = (setting.schema as z.ZodType).safeParse(raw === "" ? undefined : raw);
    if (result.success) parsed[name] = result.data;
    else {
      // A secret's value must not reach the console or the logs, even when it is wrong.
      const shown = "secret" in setting ? "<hidden>" : JSON.stringify(raw);
      problems.push(`${name}=${shown}: ${result.error.issues.map((i) => i.message).join("; ")}`);
    }
  }
  const p = parsed as Parsed;
  if (!problems.length && p.CHUNK_OVERLAP >= p.CHUNK_SIZE) {
    problems.push(`CHUNK_OVERLAP=${p.CHUNK_OVERLAP} must be smaller than CHUNK_SIZE=${p.CHUNK_SIZE}`);
  }
  if (!problems.length && p.EMBEDDINGS_PROVIDER === "openai" && !p.OPENAI_API_KEY) {
    problems.push("EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY");
  }
  if (!problems.length && p.VECTOR_STORE === "pgvector" && !p.DATABASE_URL) problems.push("VECTOR_STORE=pgvector needs DATABASE_URL");
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join(", ")}`);

  const openai = { apiKey: p.OPENAI_API_KEY, baseURL: p.OPENAI_BASE_URL };
  return Object.freeze({
    server: {
      port: p.PORT,
      host: p.HOST,
      shutdownGraceMs: p.SHUTDOWN_GRACE_MS,
      headersTimeoutMs: p.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: p.BODY_TIMEOUT_MS,
      maxConnections: p.MAX_CONNECTIONS,
    },
    limits: {
      rateLimit: { windowMs: p.RATE_LIMIT_WINDOW_MS, max: p.RATE_LIMIT_MAX },
      trustProxy: p.TRUST_PROXY,
      requestTimeoutMs: p.REQUEST_TIMEOUT_MS,
      model: { concurrency: p.MODEL_CONCURRENCY, queueSize: p.MODEL_QUEUE_SIZE },
    },
    corpusDir: path.resolve(cwd, p.CORPUS_DIR),
    indexDir: path.resolve(cwd, p.INDEX_DIR),
    vectorStore: p.VECTOR_STORE === "pgvector" ? {
            kind: "pgvector" as const,
            databaseUrl: p.DATABASE_URL!,
            ...(p.DATABASE_READ_URL && { readUrl: p.DATABASE_READ_URL }),
            pollMs: p.PGVECTOR_POLL_MS,
            poolSize: p.PG_POOL_SIZE,
            statementTimeoutMs: p.PG_STATEMENT_TIMEOUT_MS,
          } : { kind: "hnsw" as const },
    reindex: { watch: p.WATCH_CORPUS, debounceMs: p.WATCH_DEBOUNCE_MS, adminToken: p.ADMIN_TOKEN },
    apiKeys: p.API_KEYS,
    chunking: { size: p.CHUNK_SIZE, overlap: p.CHUNK_OVERLAP },
    ingest: { maxFileBytes: Math.round(p.MAX_FILE_MB * 1024 * 1024), fileTimeoutMs: p.LOAD_FILE_TIMEOUT_MS },
    embeddings: { provider: p.EMBEDDINGS_PROVIDER, model: p.EMBEDDINGS_MODEL, workers: p.EMBEDDING_WORKERS },
    llm: p.OPENAI_API_KEY
      ? { ...openai, model: p.CHAT_MODEL, timeoutMs: p.CHAT_TIMEOUT_MS, maxRetries: p.CHAT_MAX_RETRIES, retryBackoffMs: p.CHAT_RETRY_BACKOFF_MS }
      : undefined,
    openai,
    retrieval: {
      topK: p.TOP_K,
      chatTopK: p.CHAT_TOP_K,
      denseWeight: p.DENSE_WEIGHT ?? calibration.denseWeight,
      fusion: p.FUSION ?? calibration.fusion,
      mmrLambda: p.MMR_LAMBDA,
      contextTokenBudget: p.CONTEXT_TOKEN_BUDGET,
      bm25: calibration.bm25,
    },
    answering: {
      ranking: calibration.ranking,
      decision: {
        ...calibration.decision,
        notFoundBelow: p.NOT_FOUND_THRESHOLD ?? calibration.decision.notFoundBelow,
        answerFrom: p.ANSWER_THRESHOLD ?? calibration.decision.answerFrom,
      },
    },
    calibration,
    logLevel: p.LOG_LEVEL,
    questionLog: { enabled: p.QUESTION_LOG, days: p.QUESTION_LOG_DAYS, file: path.resolve(cwd, p.QUESTION_LOG_FILE) },
    web: { allowedOrigins: p.ALLOWED_ORIGINS, allowedHosts: allowedHosts(p.PUBLIC_ORIGIN, p.ALLOWED_HOSTS), metricsToken: p.METRICS_TOKEN },
    sources: { urls: p.SOURCE_URLS, refreshMinutes: p.SOURCE_REFRESH_MINUTES, crawlDelayMs: p.SOURCE_CRAWL_DELAY_MS, maxPages: p.SOURCE_MAX_PAGES },
    welcome: { text: p.WELCOME_TEXT, examples: p.EXAMPLE_QUESTIONS },
  });
}
