/** Scripted behaviours of the fake model shared by the LLM tests. */
import { REWRITE_PROMPT } from "../../src/answer/prompt.js";
import type { RecordedRequest } from "../helpers/fake-openai.js";

/** The passages as the model received them: number → text inside the wrapper. */
export function passagesInPrompt(request: RecordedRequest): Map<number, string> {
  const user = request.messages.find((m) => m.role === "user")?.content ?? "";
  return new Map([...user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => [Number(m[1]), m[2]!]));
}

/** The number of the passage containing `text` in the prompt, or throws (the test's premise failed). */
export function passageContaining(request: RecordedRequest, text: string): number {
  for (const [n, body] of passagesInPrompt(request)) if (body.includes(text)) return n;
  throw new Error(`no passage in the prompt contains ${JSON.stringify(text)}`);
}

/** A faithful model: quotes the first sentence of passage 1 and cites it. */
export function quoteFirstPassage(request: RecordedRequest): string {
  const first = passagesInPrompt(request).get(1) ?? "";
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(first.trim())?.[0] ?? first.trim();
  return `${sentence.replace(/[.!?]$/, "")} [1].`;
}

export function isRewriteRequest(request: RecordedRequest): boolean {
  return request.messages[0]?.content === REWRITE_PROMPT;
}
