/**
 * @module openai/wire
 * Answers in OpenAI's chat-completion wire format. The reply's content is the
 * answer with its `[n]` markers, so any OpenAI client shows a readable answer;
 * everything else the service knows — outcome, citations with source, offsets,
 * page and score — travels in the extension field `grounded_rag`, which holds
 * exactly what `POST /ask` returns (passages bounded the same way,
 * src/server/response-limits.ts). Streamed, it comes with the final chunk.
 */
import { randomUUID } from "node:crypto";
import type { AskEvent, AskResult } from "../../answer/ask.js";
import type { ErrorResponse } from "../error-handler.js";
import { boundedAnswer } from "../response-limits.js";
import { MODEL_ID } from "./chat-request.js";

/** The name of the extension field (kept short and specific so it cannot clash with OpenAI's own). */
export const EXTENSION_FIELD = "grounded_rag";

export function modelObject(created: number) {
  return { id: MODEL_ID, object: "model" as const, created, owned_by: "grounded-rag" };
}

export function chatCompletion(result: AskResult) {
  return {
    id: completionId(),
    object: "chat.completion" as const,
    created: nowSeconds(),
    model: MODEL_ID,
    choices: [{ index: 0, message: { role: "assistant" as const, content: result.answer, refusal: null }, logprobs: null, finish_reason: "stop" as const }],
    [EXTENSION_FIELD]: boundedAnswer(result),
  };
}

/**
 * Frames an answer's events as `chat.completion.chunk` data events. Every
 * chunk of one stream shares its id and time, as OpenAI's do. The streamed
 * content is the draft as it is produced; the final chunk's `grounded_rag.answer`
 * is the verified answer whose `[n]` the citations are numbered for (the same
 * replace-the-draft rule as `/ask`'s `done` event).
 */
export function chunkFraming() {
  const id = completionId();
  const created = nowSeconds();
  const chunk = (delta: { role?: "assistant"; content?: string }, finish: "stop" | null, extension?: { [EXTENSION_FIELD]: AskResult }) =>
    data({ id, object: "chat.completion.chunk", created, model: MODEL_ID, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extension });
  return {
    // The context event opens the stream: the role comes first, as in OpenAI's streams.
    frame(event: AskEvent): string {
      if (event.event === "context") return chunk({ role: "assistant", content: "" }, null);
      if (event.event === "token") return chunk({ content: event.data.text }, null);
      return chunk({}, "stop", { [EXTENSION_FIELD]: boundedAnswer(event.data) });
    },
    // OpenAI's own streams report a late failure as a data event holding an error object; its clients raise it.
    error: (failure: ErrorResponse) => data({ error: { message: failure.message, type: "server_error", param: null, code: failure.code ?? null } }),
    end: "data: [DONE]\n\n",
  };
}

function data(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function completionId(): string {
  return `chatcmpl-${randomUUID().replaceAll("-", "")}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
