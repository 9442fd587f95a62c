/**
 * @module routes/ask
 * `POST /ask`: JSON by default; Server-Sent Events when the body says
 * `"stream": true` or the client accepts `text/event-stream`. Events, in
 * order: `context` {citations, context}, `token` {text}…, then `done` with the
 * same JSON the non-streaming answer has, or `error` {error}. Closing the
 * connection aborts the work, down to the model call.
 */
import { type Request, type Response, Router } from "express";
import { answerQuestion, type AskDependencies, type AskEvent, askStream } from "../../answer/ask.js";
import type { Logger } from "../../logger.js";
import { knownErrorResponse } from "../error-handler.js";
import { boundedAnswer, boundedEvent } from "../response-limits.js";
import { askRequestSchema } from "../schemas.js";
import { parseBody } from "../validate.js";

export function askRoutes(deps: AskDependencies, logger?: Logger): Router {
  const router = Router();
  router.post("/ask", async (req, res) => {
    const { stream, ...input } = parseBody(askRequestSchema, req.body);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    if (stream ?? acceptsEventStream(req)) await sendEvents(res, askStream(input, deps, abort.signal), abort.signal, logger);
    else res.json(boundedAnswer(await answerQuestion(input, deps, abort.signal)));
  });
  return router;
}

function acceptsEventStream(req: Request): boolean {
  return req.get("accept")?.includes("text/event-stream") ?? false;
}

/**
 * Writes the events as SSE. Headers wait for the first piece of the answer
 * (the context event is held until then), so a failure before it — retrieval,
 * a model too busy to take the question — is still an ordinary HTTP error
 * with its status; later failures become an `error` event with a safe message.
 */
async function sendEvents(res: Response, events: AsyncGenerator<AskEvent>, signal: AbortSignal, logger?: Logger): Promise<void> {
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
    for (const event of opening) res.write(frame(boundedEvent(event)));
    for (let next = await events.next(); !next.done && !signal.aborted; next = await events.next()) {
      res.write(frame(boundedEvent(next.value)));
    }
  } catch (error) {
    if (!signal.aborted) {
      const known = knownErrorResponse(error);
      if (!known) logger?.error({ err: error }, "answer stream failed");
      res.write(frame({ event: "error", data: { error: known?.message ?? "Internal server error." } }));
    }
  } finally {
    await events.return(undefined);
    res.end();
  }
}

function frame({ event, data }: { event: string; data: unknown }): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
