/**
 * @module openai/chat-request
 * `POST /v1/chat/completions` bodies, validated at the edge, and their
 * translation into the ask use case's input.
 *
 * - The last message is the question; earlier user and assistant messages
 *   are the history. `system` and `developer` messages are dropped: what the
 *   documents say decides the answer, and a front-end's system prompt must
 *   not be able to change the rules the answerer works under.
 * - Parameters that ask for something this service cannot give (tools, more
 *   than one choice, log-probabilities, JSON or audio output) are refused with
 *   400 naming them, as is any parameter OpenAI does not define. Sampling
 *   settings (temperature, …) are accepted and ignored: they are sent by
 *   default by many front-ends, and answers are grounded, not sampled.
 */
import { z } from "zod";
import type { AskInput } from "../../answer/ask.js";
import type { ChatTurn } from "../../answer/follow-up.js";
import { HttpError } from "../http-error.js";
import { MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from "../../core/limits.js";

/** The one model this service offers (listed by `GET /v1/models`). */
export const MODEL_ID = "grounded-rag";

/** OpenAI parameters we refuse, with the reason a client is told. A Map, so that `constructor` or `__proto__` in a body names nothing here. */
const UNSUPPORTED = new Map<string, string>(Object.entries({
  tools: "tool calling is not supported: answers come from the indexed documents only",
  tool_choice: "tool calling is not supported",
  parallel_tool_calls: "tool calling is not supported",
  functions: "function calling is not supported",
  function_call: "function calling is not supported",
  logprobs: "log-probabilities are not available for grounded answers",
  top_logprobs: "log-probabilities are not available for grounded answers",
  logit_bias: "logit_bias is not supported",
  response_format: "only text answers are supported",
  audio: "only text answers are supported",
  modalities: "only text answers are supported",
  prediction: "predicted outputs are not supported",
  web_search_options: "web search is not supported: answers come from the indexed documents only",
}));

const text = z.string({ error: "content must be a string or an array of text parts" });
const content = z.union([text, z.array(z.strictObject({ type: z.literal("text"), text: z.string() }))], {
  error: 'content must be a string or an array of {"type": "text", "text": …} parts (only text is supported)',
});

const message = z.discriminatedUnion(
  "role",
  [
    z.strictObject({ role: z.enum(["system", "developer"]), content, name: z.string().optional() }),
    z.strictObject({ role: z.literal("user"), content, name: z.string().optional() }),
    // A front-end sends our earlier answers back as assistant turns; `content` may be null in OpenAI's format.
    z.strictObject({ role: z.literal("assistant"), content: content.nullish(), name: z.string().optional(), refusal: z.string().nullish() }),
  ],
  { error: 'role must be "system", "developer", "user" or "assistant" (tool messages are not supported)' },
);

const ignored = z.unknown().optional();

export const chatCompletionRequestSchema = z.strictObject({
  model: z.string({ error: "model is required" }),
  messages: z.array(message, { error: "messages must be an array" }).min(1, "messages must not be empty"),
  stream: z.boolean({ error: "stream must be true or false" }).nullish(),
  // Many OpenAI-compatible clients ask for usage on every stream; refusing would shut them out, so it is
  // accepted, and no usage is reported (the extractive answerer has no tokens to count).
  stream_options: z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }, { error: "stream_options must be an object" }).nullish(),
  n: z.literal(1, { error: "n must be 1: one answer per question" }).nullish(),
  // Accepted and ignored (see the module comment).
  temperature: ignored,
  top_p: ignored,
  max_tokens: ignored,
  max_completion_tokens: ignored,
  presence_penalty: ignored,
  frequency_penalty: ignored,
  seed: ignored,
  stop: ignored,
  user: ignored,
  metadata: ignored,
  store: ignored,
  reasoning_effort: ignored,
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** The body as a validated request; a 400 naming the parameter or field at fault otherwise. */
export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("Request body must be a JSON object.");
  for (const [name, value] of Object.entries(body)) {
    // `logprobs: false` and empty tool lists ask for nothing; some clients always send them.
    const asksForNothing = value === null || value === false || (Array.isArray(value) && !value.length);
    const reason = UNSUPPORTED.get(name);
    if (reason && !asksForNothing) throw badRequest(`Unsupported parameter '${name}': ${reason}.`, name, "unsupported_parameter");
  }
  const withoutNoOps = Object.fromEntries(Object.entries(body).filter(([name]) => !UNSUPPORTED.has(name)));
  const result = chatCompletionRequestSchema.safeParse(withoutNoOps);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const name = issue.keys[0]!;
    throw badRequest(`Unrecognized request argument supplied: ${name}`, name, "unknown_parameter");
  }
  const param = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
  throw badRequest(`${param ? `${param}: ` : ""}${issue.message}`, param || undefined);
}

/** The question (the last message, a user's) and the conversation before it. */
export function toAskInput(request: ChatCompletionRequest): AskInput {
  const turns = request.messages.flatMap((m): ChatTurn[] =>
    m.role === "user" || m.role === "assistant" ? [{ role: m.role, content: contentText(m.content) }] : [],
  );
  const last = turns.at(-1);
  if (request.messages.at(-1)?.role !== "user" || !last?.content.trim()) {
    throw badRequest("messages: the last message must be the user's question, with text.", "messages");
  }
  if (last.content.length > MAX_QUESTION_CHARS) throw badRequest(`messages: the question must be at most ${MAX_QUESTION_CHARS} characters.`, "messages");
  // A long chat keeps going: only its recent turns matter for understanding a follow-up, and a
  // long pasted turn is cut to its end, rather than the conversation failing at some length.
  const history = turns
    .slice(0, -1)
    .filter((t) => t.content.trim())
    .slice(-MAX_HISTORY_TURNS)
    .map((t) => ({ role: t.role, content: t.content.slice(-MAX_TURN_CHARS) }));
  return { question: last.content, ...(history.length && { history }) };
}

function contentText(content: string | { text: string }[] | null | undefined): string {
  if (content == null) return "";
  return typeof content === "string" ? content : content.map((part) => part.text).join("\n");
}

function badRequest(message: string, param?: string, code = "invalid_value"): HttpError {
  return new HttpError(400, message, { code, param });
}
