/**
 * @module cli/program
 * `grounded-rag`: the commands a person reaches for, on commander. Each
 * command is a thin front door to code the service already has — serve
 * (src/serve.ts), the ask and search use cases, the MCP server, and the
 * `npm run ingest` / `npm run eval` / `npm run insights` scripts — so the CLI adds no second
 * implementation of anything.
 *
 * `ask` exits 0 when it answered (also when unsure: outcome `uncertain` is
 * an answer with the closest passages, which a script should show, not treat
 * as a failure), 1 when the documents do not say, 2 on an error.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Command, InvalidArgumentError, Option } from "commander";
import type { AskResult } from "../answer/ask.js";
import type { SearchResult } from "../answer/search.js";
import type { Services } from "../services.js";
import { loadConfig } from "../config.js";
import packageJson from "../../package.json" with { type: "json" };
import { formatAnswer, formatSearchResults } from "./footnotes.js";
import { postJson } from "./remote.js";

// The index, the embedder and the server are imported by the commands that use them (import("…") below),
// so that --help, --version and `ask --url` start at once instead of loading all of them first.

export const EXIT = { answered: 0, notFound: 1, error: 2 } as const;

const SCRIPTS_DIR = path.resolve(import.meta.dirname, "../../scripts");

export function createProgram(): Command {
  const program = new Command("grounded-rag")
    .description("Ask questions about a folder of documents; every answer cites the passages it rests on.")
    .version(packageJson.version)
    // Before the commands are added, so they inherit it: main.ts turns usage errors into exit code 2.
    .exitOverride()
    .addHelpText("after", "\nSettings come from the environment and .env (see the README's configuration table).\nExit codes of ask: 0 answered, 1 not found in the documents, 2 error.");

  program
    .command("serve")
    .description("serve the API, the chat page, /v1 (OpenAI-compatible) and /mcp; builds the index, or brings it up to date, as it starts")
    .option("--watch", "reindex when the corpus changes (WATCH_CORPUS=1)")
    .option("--port <port>", "port to listen on (PORT)")
    .option("--host <host>", "interface to bind (HOST)")
    .action(async (options: { watch?: boolean; port?: string; host?: string }) => {
      const config = loadConfig({ ...process.env, ...(options.port && { PORT: options.port }), ...(options.host && { HOST: options.host }) });
      const { serve } = await import("../serve.js");
      await serve(config, { watch: options.watch || config.reindex.watch });
    });

  program
    .command("ingest")
    .description("bring the index in INDEX_DIR up to date with CORPUS_DIR (same as npm run ingest)")
    .option("--full", "embed every chunk again")
    .action(async (options: { full?: boolean }) => runScript("ingest.ts", options.full ? ["--full"] : []));

  program
    .command("ask")
    .description("answer a question from the documents, with numbered footnotes")
    .argument("<question...>", "the question (quotes optional)")
    .option("-k, --k <n>", "passages to retrieve (1-20)", integerIn(1, 20))
    .option("--json", "print the whole response as JSON (as POST /ask returns it)")
    .option("--url <url>", "ask a running server (e.g. http://localhost:3000) instead of the local index")
    .action(async (words: string[], options: { k?: number; json?: boolean; url?: string }) => {
      const input = { question: words.join(" "), ...(options.k && { k: options.k }) };
      const result = options.url
        ? await postJson<AskResult>(options.url, "ask", input)
        : await withLocalServices(async (services) => (await import("../answer/ask.js")).answerQuestion(input, services.ask));
      console.log(options.json ? JSON.stringify(result, null, 2) : formatAnswer(result, input.question));
      process.exitCode = result.outcome === "not_found" ? EXIT.notFound : EXIT.answered;
    });

  program
    .command("search")
    .description("the passages that match a query, best first")
    .argument("<query...>", "what to look for")
    .option("-k, --k <n>", "passages to return (1-100)", integerIn(1, 100))
    .addOption(new Option("--mode <mode>", "how to match").choices(["hybrid", "dense", "keyword"]))
    .option("--json", "print the results as JSON (as POST /search returns them)")
    .option("--url <url>", "search a running server instead of the local index")
    .action(async (words: string[], options: { k?: number; mode?: "hybrid" | "dense" | "keyword"; json?: boolean; url?: string }) => {
      const input = { query: words.join(" "), ...(options.k && { k: options.k }), ...(options.mode && { mode: options.mode }) };
      const results = options.url
        ? (await postJson<{ results: SearchResult[] }>(options.url, "search", input)).results
        : await withLocalServices(async (services) => {
            const { searchDependencies, searchDocuments } = await import("../answer/search.js");
            return searchDocuments(input, searchDependencies(services.ask));
          });
      console.log(options.json ? JSON.stringify({ results }, null, 2) : formatSearchResults(results));
    });

  program
    .command("mcp")
    .description("serve MCP (Model Context Protocol) on stdin/stdout, for desktop clients (same as npm run mcp)")
    .action(async () => {
      const config = loadConfig();
      const [{ serveMcpOverStdio }, { createLogger }] = await Promise.all([import("./mcp-stdio.js"), import("../logger.js")]);
      await serveMcpOverStdio(config, createLogger(config.logLevel), packageJson.version);
    });

  program
    .command("eval")
    .description("measure answers and retrieval through the product; writes docs/EVAL.md (same as npm run eval)")
    .option("--only <parts>", "qa (seed, paraphrase, NQ-open, SQuAD: fits and judges the answer decision) or scifact (retrieval)")
    .action(async (options: { only?: string }) => runScript("eval.ts", options.only ? [`--only=${options.only}`] : []));

  program
    .command("insights")
    .description("what the documents could not answer, from the question log (same as npm run insights)")
    .option("--csv <file>", "also write one row per topic as CSV (- : the CSV alone, on standard output)")
    .option("--json", "print the report as JSON (as GET /admin/insights returns it)")
    .action(async (options: { csv?: string; json?: boolean }) =>
      runScript("insights.ts", [...(options.csv ? ["--csv", options.csv] : []), ...(options.json ? ["--json"] : [])]),
    );

  return program;
}

/**
 * The services over the local index (built first if there is none) for one
 * request, then released so the process can exit. A one-off command logs
 * only warnings unless LOG_LEVEL says otherwise: its output is the answer.
 */
async function withLocalServices<T>(use: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || "warn" });
  const [{ createServices }, { createLogger }] = await Promise.all([import("../services.js"), import("../logger.js")]);
  const services = await createServices(config, createLogger(config.logLevel));
  try {
    return await use(services);
  } finally {
    await services.close();
  }
}

/**
 * Runs one of the npm scripts in this process. They are the one implementation
 * of ingest and eval (npm run, the tests and the benchmarks start them as they
 * are); they read their flags from the command line, which is set for them here.
 */
async function runScript(file: string, args: string[]): Promise<void> {
  const script = path.join(SCRIPTS_DIR, file);
  process.argv = [process.argv[0]!, script, ...args];
  await import(pathToFileURL(script).href);
}

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return n;
  };
}
