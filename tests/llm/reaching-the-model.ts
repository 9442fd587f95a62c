/**
 * Whether answerable questions whose evidence retrieval found reach the chat model with it: asked of a service whose
 * recording fake model always says the documents do not say, as `tests/llm/model-decides*.test.ts` ask them.
 */
import { cp } from "node:fs/promises";
import { expect } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { NOT_IN_DOCUMENTS } from "../../src/answer/prompt.js";
import { goldRetrieved } from "../../src/eval/qa.js";
import type { QaQuestion } from "../../src/eval/qa-sets.js";
import { promptText, type ServiceWithFakeModel, startServiceWithFakeModel } from "../helpers/fake-openai.js";
import { makeTempDir } from "../helpers/test-server.js";

/** Whether a text holds the question's gold passage, as the eval reads it: its evidence text, else one of its answer keywords. */
const holdsEvidence = (q: QaQuestion, text: string) => goldRetrieved(q, [{ source: "", text }]);

/**
 * Asks each question of the service and counts the questions whose evidence was retrieved (in the answer's citations
 * or context) and, of those, the ones whose evidence was in a prompt.
 */
export async function reachingTheModel({ fake, server }: Pick<ServiceWithFakeModel, "fake" | "server">, questions: QaQuestion[]) {
  let retrieved = 0;
  let reached = 0;
  for (const q of questions) {
    fake.script(() => ({ content: NOT_IN_DOCUMENTS }));
    const response = await server.post("/ask", { question: q.question });
    expect(response.status).toBe(200);
    const result = (await response.json()) as AskResult;
    if (![...result.citations, ...result.context].some((p) => holdsEvidence(q, p.text))) continue;
    retrieved++;
    if (fake.requests.some((r) => holdsEvidence(q, promptText(r)))) reached++;
  }
  return { retrieved, reached };
}

/** The same, over a copy of a corpus folder with a service of its own. */
export async function reachingTheModelOver(corpusDir: string, questions: QaQuestion[]) {
  const dir = await makeTempDir("rag-own-corpus-");
  await cp(corpusDir, dir, { recursive: true });
  const own = await startServiceWithFakeModel({}, { corpusDir: dir });
  try {
    return await reachingTheModel(own, questions);
  } finally {
    await own.close();
  }
}
