/**
 * The seed-QA integration suite over HTTP, shared by every vector store so each
 * is held to the same thresholds: answerable questions are not declined, cite
 * their evidence and contain an expected keyword; unanswerable ones are not
 * answered with confidence.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsKeyword, loadSeedQa } from "./seed-qa.js";
import type { TestServer } from "./test-server.js";

interface AskBody {
  answer: string;
  outcome: "answered" | "uncertain" | "not_found";
  abstained: boolean;
  citations: { n: number; text: string; source: string; start: number; end: number; score: number }[];
}

/** Declares the suite under `title`, against the server `start` returns; skips with a message when the seed set is absent. */
export function describeSeedQa(title: string, start: () => Promise<TestServer>): void {
  const seed = loadSeedQa();
  if (!seed) console.warn(`skipping ${title}: ../shared/eval/seed-qa.jsonl is absent`);

  describe.skipIf(!seed)(title, () => {
    let server: TestServer;
    const answers = new Map<string, AskBody>();

    beforeAll(async () => {
      server = await start();
      for (const q of seed!) {
        const response = await server.post("/ask", { question: q.question });
        expect(response.status).toBe(200);
        answers.set(q.id, (await response.json()) as AskBody);
      }
    });
    afterAll(() => server?.close());

    it("When a question is answerable, Then it is not declined and the evidence is in one of the first 3 citations", () => {
      const misses = seed!
        .filter((q) => q.answerable)
        .filter((q) => {
          const body = answers.get(q.id)!;
          return body.outcome === "not_found" || !body.citations.slice(0, 3).some((c) => c.text.includes(q.evidence!));
        })
        .map((q) => `${q.id}: ${answers.get(q.id)!.answer}`);
      expect(misses).toEqual([]);
    });

    it("When answers are given, Then at least 13 of 15 contain an expected keyword", () => {
      const answerable = seed!.filter((q) => q.answerable);
      const hits = answerable.filter((q) => containsKeyword(answers.get(q.id)!.answer, q.answer_keywords!));
      expect(hits.length).toBeGreaterThanOrEqual(Math.ceil((answerable.length * 13) / 15));
    });

    it("When a question is answered confidently, Then its answer holds an expected keyword, and some of the founding document's questions are", () => {
      const confident = seed!.filter((q) => answers.get(q.id)!.outcome === "answered");
      expect(confident.filter((q) => !q.answerable || !containsKeyword(answers.get(q.id)!.answer, q.answer_keywords!)).map((q) => q.id)).toEqual([]);
      expect(confident.length).toBeGreaterThan(0);
    });

    it("When the documents do not say, Then no unanswerable question is answered with confidence", () => {
      const unanswerable = seed!.filter((q) => !q.answerable);
      expect(unanswerable.filter((q) => answers.get(q.id)!.outcome === "answered").map((q) => q.id)).toEqual([]);
      for (const q of unanswerable) {
        const body = answers.get(q.id)!;
        if (body.outcome === "not_found") expect(body).toMatchObject({ abstained: true, citations: [] });
        else expect(body.answer).toMatch(/^The documents may not answer this directly/);
      }
    });

    it("When a passage is cited, Then its offsets point at its text in the source and [n] markers match citations", async () => {
      for (const body of answers.values()) {
        const markers = [...body.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
        expect(new Set(markers)).toEqual(new Set(body.citations.map((c) => c.n)));
        for (const c of body.citations) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(1);
        }
      }
    });
  });
}
