/**
 * @module api
 * Asks the service a question as a streamed answer (`"stream": true`,
 * Server-Sent Events: `context`, `token`, `done`, `error`); a plain JSON
 * answer (from a server or proxy that does not stream) is taken as it is. Every failure
 * becomes an `AskFailure` whose message can be shown to the user as is.
 */
import type { AskResult } from "../../answer/ask.js";
import type { CitedPassage } from "../../core/views.js";
import { readEvents } from "./sse.js";

export type { AskResult, CitedPassage };

/** Callbacks for a streamed answer, called before the final result resolves. */
export interface StreamHandlers {
  /** The retrieved passages, numbered as the streamed tokens cite them. */
  onPassages(passages: CitedPassage[]): void;
  onToken(text: string): void;
}

/** One earlier turn of the conversation, sent so that follow-up questions can be understood. */
export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** What is asked: the question and, for follow-ups, the conversation before it. */
export interface Question {
  question: string;
  history: ChatTurn[];
}

/** A failure with a message meant for the person asking. */
export class AskFailure extends Error {
  override name = "AskFailure";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const MESSAGES = {
  network: "Could not reach the server. Check your connection and try again.",
  rateLimited: "Too many questions at once. Please wait a moment and try again.",
  forbidden: "This site is not allowed to use the document chat.",
  server: "The server could not answer just now. Please try again.",
  incomplete: "The answer was cut off. Please try again.",
} as const;

/**
 * POSTs the question (with the conversation so far) to `<base>ask`. Rejects with the abort reason when
 * `signal` aborts, and with an AskFailure for anything else that goes wrong.
 */
export async function askQuestion(base: URL, question: Question, signal: AbortSignal, handlers: StreamHandlers): Promise<AskResult> {
  const response = await post(base, { ...question, stream: true }, signal);
  if (!response.ok) throw new AskFailure(await failureMessage(response), response.status);
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/event-stream") && response.body) return readStreamedAnswer(response.body, handlers, signal);
  return (await response.json()) as AskResult;
}

async function post(base: URL, body: object, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(new URL("ask", base), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream, application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch says only "Failed to fetch" for an unreachable server and for a refused CORS request alike.
    throw new AskFailure(MESSAGES.network);
  }
}

async function readStreamedAnswer(body: ReadableStream<Uint8Array>, handlers: StreamHandlers, signal: AbortSignal): Promise<AskResult> {
  try {
    for await (const { event, data } of readEvents(body)) {
      const payload = JSON.parse(data) as Record<string, unknown>;
      if (event === "context") {
        const { citations = [], context = [] } = payload as { citations?: CitedPassage[]; context?: CitedPassage[] };
        handlers.onPassages([...citations, ...context]);
      } else if (event === "token") handlers.onToken(String(payload.text ?? ""));
      else if (event === "done") return payload as unknown as AskResult;
      else if (event === "error") throw new AskFailure(String(payload.error ?? MESSAGES.server));
    }
  } catch (error) {
    if (signal.aborted || error instanceof AskFailure) throw error;
    throw new AskFailure(MESSAGES.incomplete);
  }
  throw new AskFailure(MESSAGES.incomplete);
}

async function failureMessage(response: Response): Promise<string> {
  if (response.status === 429) return MESSAGES.rateLimited;
  if (response.status === 403) return MESSAGES.forbidden;
  if (response.status >= 500) return MESSAGES.server;
  const error = await errorOf(response);
  return error ? `The question could not be sent: ${error}` : MESSAGES.server;
}

async function errorOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === "string" ? body.error : undefined;
  } catch {
    return undefined;
  }
}
