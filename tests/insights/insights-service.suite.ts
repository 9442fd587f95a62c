/**
 * The question log, feedback and the content-gap report through the real
 * service over HTTP, run once per store (embedded SQLite, PostgreSQL on
 * PGlite) by the two test files beside this one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionLog } from "../../src/insights/question-log/index.js";
import type { InsightsReport } from "../../src/insights/report.js";
import { collectEvents } from "../llm/sse-client.js";
import { parsePrometheusText, sumOf } from "../production/prometheus-text.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { record } from "./question-log.contract.js";

/** A store the service is pointed at, and a way around the service to it. */
export interface LogBackend {
  /** Environment for the service (QUESTION_LOG and where the log lives). */
  env: Record<string, string>;
  /** The same store, opened directly. */
  openLog(): Promise<QuestionLog>;
  /** Every stored row with every column, as the database has it. */
  rawRows(): Promise<Record<string, unknown>[]>;
  /** Makes the store fail every write (drops the table under the service). */
  breakStore(): Promise<void>;
  close(): Promise<void>;
}

const ADMIN_TOKEN = "insights-admin-token-for-tests-0123456789abcdef0123456789";
const DAY_MS = 86_400_000;
/** Every column the README says the log keeps, and no other. */
export const DOCUMENTED_COLUMNS = ["id", "asked_at", "question", "outcome", "confidence", "sources", "latency_ms", "model", "vote", "comment", "feedback_at"];
// One missing topic asked four ways (seed u01 and paraphrases), and another one.
const TICKET_PARAPHRASES = [
  "What is the ticket price for the Grand Egyptian Museum?",
  "How much does a ticket to the Grand Egyptian Museum cost?",
  "How much is admission at the Grand Egyptian Museum?",
  "Grand Egyptian Museum entrance fee?",
];
const PETS = ["Can I bring my dog to the museum?", "Are pets allowed in the museum?"];
const CLIENT_IP = "203.0.113.77";
const PRIVATE_HEADERS = { "x-forwarded-for": CLIENT_IP, "user-agent": "SecretAgent/9.1", cookie: "session=s3cr3t-cookie", referer: "https://private.example/page" };

export function describeInsightsService(name: string, openBackend: () => Promise<LogBackend>): void {
  describe(`question log, feedback and report: ${name}`, () => {
    let backend: LogBackend;
    let server: TestServer;
    const oldId = "00000000-0000-4000-8000-0000000000aa";
    const recentId = "00000000-0000-4000-8000-0000000000bb";

    beforeAll(async () => {
      backend = await openBackend();
      // Entries from before the service starts: one past the 30-day retention, one within it.
      const log = await backend.openLog();
      await log.record(record({ id: oldId, askedAt: new Date(Date.now() - 31 * DAY_MS) }));
      await log.record(record({ id: recentId, askedAt: new Date(Date.now() - 29 * DAY_MS) }));
      await log.close();
      server = await startTestServer({ env: { ...backend.env, ADMIN_TOKEN, TRUST_PROXY: "1", QUESTION_LOG_DAYS: "30" } });
    });
    afterAll(async () => {
      await server?.close();
      await backend?.close();
    });

    async function ask(question: string, headers: Record<string, string> = {}): Promise<{ id: string; outcome: string }> {
      const response = await server.post("/ask", { question }, headers);
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string; outcome: string };
    }
    const flush = () => server.services.insights.log!.flush();
    const metrics = async () => parsePrometheusText(await (await fetch(`${server.url}/metrics`)).text());
    const report = (token = ADMIN_TOKEN, query = "") => fetch(`${server.url}/admin/insights${query}`, { headers: { authorization: `Bearer ${token}` } });

    it("When the service starts, Then entries older than QUESTION_LOG_DAYS are deleted and newer ones kept", async () => {
      const ids = (await backend.rawRows()).map((row) => row.id);
      expect(ids).not.toContain(oldId);
      expect(ids).toContain(recentId);
    });

    it("When a question is asked with an address, a cookie and other headers, Then the log stores the documented fields and none of those", async () => {
      const answer = await ask("Where did the Third UNESCO High-Level Forum for Museums take place?", PRIVATE_HEADERS);
      await flush();
      const row = (await backend.rawRows()).find((r) => r.id === answer.id);
      expect(row).toBeDefined();
      expect(Object.keys(row!).sort()).toEqual([...DOCUMENTED_COLUMNS].sort());
      expect(row).toMatchObject({ question: "Where did the Third UNESCO High-Level Forum for Museums take place?", outcome: answer.outcome, model: "extractive", vote: null });
      const everything = JSON.stringify(await backend.rawRows());
      for (const secret of [CLIENT_IP, "SecretAgent", "s3cr3t-cookie", "private.example"]) expect(everything).not.toContain(secret);
    });

    it("When a reader votes an answer down with a comment, Then it is stored, counted by vote and outcome, and shown in the report", async () => {
      const answer = await ask(TICKET_PARAPHRASES[0]!);
      const before = sumOf(await metrics(), "rag_feedback_total", { vote: "down", outcome: answer.outcome });
      const response = await server.post("/feedback", { id: answer.id, vote: "down", comment: "  Opening prices are missing  " });
      expect(response.status).toBe(204);
      expect(sumOf(await metrics(), "rag_feedback_total", { vote: "down", outcome: answer.outcome })).toBe(before + 1);
      const row = (await backend.rawRows()).find((r) => r.id === answer.id)!;
      expect(row).toMatchObject({ vote: "down", comment: "Opening prices are missing" });

      const body = (await (await report()).json()) as InsightsReport;
      expect(body.clusters.flatMap((c) => c.comments)).toContain("Opening prices are missing");
    });

    it("When feedback names no answer or is malformed, Then 404 or 400 with a reason", async () => {
      const unknown = await server.post("/feedback", { id: "00000000-0000-4000-8000-00000000dead", vote: "up" });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: string }).error).toMatch(/no answer/i);
      const { id } = await ask(PETS[0]!);
      for (const [body, message] of [
        [{ id, vote: "sideways" }, /vote/],
        [{ id, vote: "down", comment: "x".repeat(501) }, /comment/],
        [{ vote: "up" }, /id/],
        [{ id, vote: "up", ip: CLIENT_IP }, /ip|unrecognized/i],
      ] as const) {
        const response = await server.post("/feedback", body);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(message);
      }
    });

    it("When paraphrases of one missing topic are asked, Then the report groups them into one cluster, most frequent first, apart from another topic", async () => {
      for (const question of [...TICKET_PARAPHRASES, TICKET_PARAPHRASES[1]!, TICKET_PARAPHRASES[1]!, ...PETS]) {
        expect((await ask(question)).outcome).not.toBe("answered");
      }
      await flush();
      const body = (await (await report()).json()) as InsightsReport;
      const ticket = body.clusters.filter((c) => c.examples.some((e) => e.includes("Grand Egyptian")));
      expect(ticket).toHaveLength(1);
      expect(new Set(ticket[0]!.examples)).toEqual(new Set(TICKET_PARAPHRASES));
      // Seven ticket questions in all: one in the feedback test, six here (one wording three times, so it leads).
      expect(ticket[0]!.count).toBe(7);
      expect(ticket[0]!.examples[0]).toBe(TICKET_PARAPHRASES[1]);
      expect(body.clusters[0]).toBe(ticket[0]);
      const pets = body.clusters.filter((c) => c.examples.some((e) => PETS.includes(e)));
      expect(pets).toHaveLength(1);
      expect(pets[0]!.examples.some((e) => e.includes("Grand Egyptian"))).toBe(false);
      expect(body.totals.questions).toBeGreaterThanOrEqual(10);
      expect(body.daily.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
      expect(body.daily.at(-1)!.notFound + body.daily.at(-1)!.uncertain).toBeGreaterThanOrEqual(9);
    });

    it("When the report is asked for as a page or CSV, Then it is HTML with an inline SVG chart under the page CSP, or CSV with a header row", async () => {
      const page = await fetch(`${server.url}/admin/insights`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: "text/html" } });
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain("<svg");
      expect(html).toContain("Grand Egyptian Museum");
      expect(html).not.toContain("<script");
      const csv = await (await report(ADMIN_TOKEN, "?format=csv")).text();
      expect(csv.split("\r\n")[0]).toBe("rank,questions,not_found,uncertain,voted_down,example,other_wordings,comments,closest_sources");
      expect(csv).toContain("Grand Egyptian Museum");
    });

    it("When the report is asked for without the admin token or with a wrong one, Then 401", async () => {
      expect((await fetch(`${server.url}/admin/insights`)).status).toBe(401);
      expect((await report("wrong-token")).status).toBe(401);
      expect((await report()).status).toBe(200);
    });

    it("When the log's store is broken, Then /ask still answers (plain and streamed) and the failure is counted in /metrics", async () => {
      await backend.breakStore();
      const before = sumOf(await metrics(), "rag_question_log_failures_total", { operation: "record" });
      const answer = await ask("Where did the Third UNESCO High-Level Forum for Museums take place?");
      expect(answer.outcome).not.toBe("not_found");
      const streamed = await server.post("/ask", { question: "Who organised the forum?", stream: true });
      expect(streamed.status).toBe(200);
      const events = await collectEvents(streamed);
      expect(events.at(-1)!.event).toBe("done");
      expect((events.at(-1)!.data as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
      await flush();
      expect(sumOf(await metrics(), "rag_question_log_failures_total", { operation: "record" })).toBe(before + 2);
      // The vote still counts in /metrics from the service's memory of recent answers.
      expect((await server.post("/feedback", { id: answer.id, vote: "up" })).status).toBe(204);
      expect(sumOf(await metrics(), "rag_question_log_failures_total", { operation: "feedback" })).toBeGreaterThanOrEqual(1);
    });
  });
}
