/**
 * @module event-stream
 * Writes an answer's events as Server-Sent Events, for `/ask` (named events)
 * and `/v1/chat/completions` (OpenAI's `data:` chunks) alike: the two differ
 * only in how an event, a late error and the end are framed.
 *
 * Headers wait for the first piece of the answer (the context event is held
 * until then), so a failure before it — retrieval, a model too busy to take
 * the question — is still an ordinary HTTP error with its status; later
 * failures become one error frame with a safe message.
 */
import type { Response } from "express";
import type { AskEvent } from "../answer/ask.js";
import type { Logger } from "../logger.js";
import { type ErrorResponse, INTERNAL_ERROR, knownErrorResponse } from "./error-handler.js";

export interface EventFraming {
  /** The SSE text for one event; "" writes nothing. */
  frame(event: AskEvent): string;
  /** The SSE text reporting a failure after the stream started. */
  error(failure: ErrorResponse): string;
  /** Written after the last event, when the stream ended normally. */
  end?: string;
}

export async function sendEventStream(
  res: Response,
  events: AsyncGenerator<AskEvent>,
  signal: AbortSignal,
  framing: EventFraming,
  logger?: Logger,
): Promise<void> {
  const opening: AskEvent[] = [];
  for (;;) {
    const next = await events.next();
    if (next.done) break;
    opening.push(next.value);
    if (next.value.event !== "context") break;
  }
  // The request timeout may have answered 504 meanwhile; then there is no one to stream to.
  if (res.headersSent || signal.aborted) return void (await events.return(undefined));
  res.status(200).set({
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
  });
  res.flushHeaders();
  try {
    for (const event of opening) write(res, framing.frame(event));
    for (let next = await events.next(); !next.done && !signal.aborted; next = await events.next()) write(res, framing.frame(next.value));
    if (!signal.aborted && framing.end) res.write(framing.end);
  } catch (error) {
    if (!signal.aborted) {
      const known = knownErrorResponse(error);
      if (!known) logger?.error({ err: error }, "answer stream failed");
      res.write(framing.error(known ?? INTERNAL_ERROR));
    }
  } finally {
    await events.return(undefined);
    res.end();
  }
}

function write(res: Response, text: string): void {
  if (text) res.write(text);
}
