/**
 * With a chat model the model decides: the gate in front of it only drops
 * questions for which retrieval found nothing plausibly relevant, the model
 * may say the documents do not say (NOT_IN_DOCUMENTS), and an answer none of
 * whose sentences keeps a citation is not presented as grounded. A recording
 * fake OpenAI-compatible server shows which questions reach the model, with
 * which passages. The small corpora's groups are asked in model-decides-small-corpora-*.test.ts.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { NOT_IN_DOCUMENTS } from "../../src/answer/prompt.js";
import { ABSTENTION_MESSAGE, UNCERTAIN_PREFIX } from "../../src/answer/types.js";
import { keywordSet } from "../../src/eval/qa-sets.js";
import { type FakeOpenAI, promptText, startServiceWithFakeModel } from "../helpers/fake-openai.js";
import { REPO_ROOT, SHARED_DIR, type TestServer } from "../helpers/test-server.js";
import { reachingTheModel, reachingTheModelOver } from "./reaching-the-model.js";
import { passageContaining } from "./scripts.js";

const corpus = path.join(REPO_ROOT, "corpus");
const answerable = [
  ...(keywordSet("seed", path.join(SHARED_DIR, "eval/seed-qa.jsonl"), corpus)?.questions ?? []),
  ...(keywordSet("paraphrase", path.join(REPO_ROOT, "eval/paraphrase-qa.jsonl"), corpus)?.questions ?? []),
].filter((q) => q.answerable);
const workplaceDir = path.join(REPO_ROOT, "eval/workplace");
const workplaceAnswerable = keywordSet("workplace", path.join(REPO_ROOT, "eval/workplace-qa.jsonl"), workplaceDir)!.questions.filter((q) => q.answerable);
describe("the chat model decides (recording fake OpenAI-compatible server)", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ fake, server, close } = await startServiceWithFakeModel());
  });
  afterAll(() => close?.());

  async function ask(question: string): Promise<AskResult> {
    const response = await server.post("/ask", { question });
    expect(response.status).toBe(200);
    return (await response.json()) as AskResult;
  }

  it("When answerable questions are asked, Then every one whose evidence was retrieved reaches the model with that evidence in its prompt", async () => {
    expect(answerable.length).toBeGreaterThanOrEqual(40);
    const { retrieved, reached } = await reachingTheModel({ fake, server }, answerable);
    expect(retrieved).toBeGreaterThanOrEqual(answerable.length - 2);
    expect(reached / retrieved).toBeGreaterThanOrEqual(0.98);
  });

  it("When the workplace set's answerable questions are asked of its own documents, Then every one whose evidence was retrieved reaches the model", async () => {
    const { retrieved, reached } = await reachingTheModelOver(workplaceDir, workplaceAnswerable);
    console.info(`workplace set: ${retrieved} of ${workplaceAnswerable.length} answerable questions had their evidence retrieved, ${reached} reached the model with it`);
    expect(retrieved).toBeGreaterThanOrEqual(workplaceAnswerable.length - 2);
    expect(reached / retrieved).toBeGreaterThanOrEqual(0.98);
  }, 120_000);

  it("When a question is asked, Then the model reads CHAT_TOP_K passages, more than the TOP_K the decision weighs", async () => {
    fake.script(() => ({ content: NOT_IN_DOCUMENTS }));
    const result = await ask("What did the speakers say about artificial intelligence?");
    expect(fake.requests).toHaveLength(1);
    expect(promptText(fake.requests[0]!).match(/<passage n=/g)).toHaveLength(10);
    expect(result.context).toHaveLength(10);
  });

  it("When the model is asked to summarise the document, Then it reads the document's opening and the passages that follow, not a search's hits", async () => {
    fake.script((request) => ({ content: `A NEMO panel at a UNESCO museum forum in Hangzhou [${passageContaining(request, "On 24 April 2025")}].` }));
    const result = await ask("Summarise the document");
    expect(fake.requests).toHaveLength(1);
    const prompt = promptText(fake.requests[0]!);
    for (const opening of ["On 24 April 2025, NEMO Chairperson Petra Havu", "The event brought together museum professionals"]) expect(prompt).toContain(opening);
    expect(result.outcome).toBe("answered");
    expect(result.citations[0]!.start).toBeLessThan(100);
  });

  it("When the model replies that the documents do not say, Then the outcome is not_found, with no citations and no token shown", async () => {
    fake.script(() => ({ content: ` ${NOT_IN_DOCUMENTS}` }));
    const result = await ask("Who is the Director-General of UNESCO?");
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ outcome: "not_found", abstained: true, answer: ABSTENTION_MESSAGE, citations: [] });
  });

  it("When the model cites a passage that supports its sentence, Then the outcome is answered", async () => {
    fake.script((request) => ({ content: `The forum was held in Hangzhou, China, from 23-25 April 2025 [${passageContaining(request, "Hangzhou, China, from")}].` }));
    const result = await ask("When was the forum held?");
    expect(result.outcome).toBe("answered");
    expect(result.citations[0]!.text).toContain("23-25 April 2025");
  });

  it("When no sentence of the model's answer keeps a citation, Then it is not presented as grounded: uncertain, the closest passage quoted, the claim listed as unsupported", async () => {
    fake.script(() => ({ content: "Acme Corporation sponsored the catering in 2019." }));
    const result = await ask("Who paid for the catering at the museum forum?");
    expect(result.outcome).toBe("uncertain");
    expect(result.abstained).toBe(false);
    expect(result.answer.startsWith(UNCERTAIN_PREFIX)).toBe(true);
    expect(result.answer).not.toContain("Acme");
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.unsupported).toContain("Acme Corporation sponsored the catering in 2019.");
  });

  it("When retrieval finds nothing plausibly relevant, Then the model is not called and the outcome is not_found", async () => {
    fake.script(() => ({ content: "Nine bar [1]." }));
    const result = await ask("What pressure should an espresso machine brew at?");
    expect(result).toMatchObject({ outcome: "not_found", abstained: true });
    expect(fake.requests).toHaveLength(0);
  });

  it("When the answer streams and the model replies that the documents do not say, Then no token shows the protocol word and done says not_found", async () => {
    fake.script(() => ({ content: NOT_IN_DOCUMENTS }));
    const response = await server.post("/ask", { question: "Who founded NEMO?", stream: true });
    const body = await response.text();
    expect(body).not.toContain(`"text":"${NOT_IN_DOCUMENTS}`);
    expect(body).toContain('"outcome":"not_found"');
  });
});
