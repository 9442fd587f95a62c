/**
 * `npm run insights` and `grounded-rag insights` as an operator runs them: a
 * real process reading a real SQLite question log, printing the report and
 * writing CSV.
 */
import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteQuestionLog } from "../../src/insights/question-log/embedded/sqlite-question-log.js";
import type { InsightsReport } from "../../src/insights/report.js";
import { makeTempDir, REPO_ROOT } from "../helpers/test-server.js";
import { record } from "./question-log.contract.js";

const run = promisify(execFile);

const NPM_RUN_INSIGHTS = ["--import", "tsx", "scripts/insights.ts"];
const GROUNDED_RAG_INSIGHTS = ["bin/grounded-rag.js", "insights"];

function insights(env: Record<string, string>, ...args: string[]) {
  return command(NPM_RUN_INSIGHTS, env, ...args);
}

function command(entry: string[], env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, [...entry, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, EMBEDDING_WORKERS: "0", LOG_LEVEL: "silent", ...env },
  });
}

describe("npm run insights", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await makeTempDir("rag-insights-cli-");
    file = path.join(dir, "question-log.sqlite");
    const log = new SqliteQuestionLog(file);
    const now = new Date();
    for (const question of ["How much does a ticket to the Grand Egyptian Museum cost?", "How much does a ticket to the Grand Egyptian Museum cost", "What is the ticket price for the Grand Egyptian Museum?", "=HYPERLINK(\"http://evil.example\")"]) {
      await log.record(record({ question, outcome: "not_found", askedAt: now, sources: [] }));
    }
    const votedDown = record({ question: "Who opened the forum?", askedAt: now });
    await log.record(votedDown);
    await log.addFeedback(votedDown.id, { vote: "down", comment: "It named the wrong minister" }, now);
    await log.record(record({ question: "Where was the forum?", askedAt: now }));
    await log.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("When run over a log, Then it prints the clusters most frequent first with counts and comments, and --csv writes them with formulas escaped", async () => {
    const csvFile = path.join(dir, "gaps.csv");
    const { stdout } = await insights({ QUESTION_LOG_FILE: file }, "--csv", csvFile);
    expect(stdout).toContain("6 questions: 33% answered, 0% uncertain, 67% not found");
    // The wording asked twice (up to its question mark) leads its cluster.
    expect(stdout).toMatch(/1\. How much does a ticket to the Grand Egyptian Museum cost\??\n {3}3 questions: 3 not found, 0 uncertain, 0 voted down\n {3}also: What is the ticket price/);
    expect(stdout).toContain("   1 question: 0 not found, 0 uncertain, 1 voted down");
    expect(stdout).toContain('reader: "It named the wrong minister"');
    const csv = (await readFile(csvFile, "utf8")).split("\r\n");
    expect(csv[0]).toBe("rank,questions,not_found,uncertain,voted_down,example,other_wordings,comments,closest_sources");
    expect(csv[1]).toMatch(/^1,3,3,0,0,How much does a ticket/);
    expect(csv.find((line) => line.includes("HYPERLINK"))).toMatch(/,"?'=HYPERLINK/);
  });

  it("When grounded-rag insights --json is run, Then it prints the report as the admin route returns it", async () => {
    const { stdout } = await command(GROUNDED_RAG_INSIGHTS, { QUESTION_LOG_FILE: file }, "--json");
    const report = JSON.parse(stdout) as InsightsReport;
    expect(report.totals).toEqual({ questions: 6, answered: 2, uncertain: 0, notFound: 4 });
    expect(report.clusters[0]!.count).toBe(3);
    expect(report.clusters.flatMap((c) => c.comments)).toEqual(["It named the wrong minister"]);
  });

  it("When there is no log file, Then it exits 1 naming the file and how to start collecting", async () => {
    const missing = path.join(dir, "absent.sqlite");
    const failure = await insights({ QUESTION_LOG_FILE: missing }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`no question log at ${missing}`);
    expect((failure as { stderr: string }).stderr).toContain("QUESTION_LOG=1");
  });
});
