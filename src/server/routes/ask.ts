/**
 * @module routes/ask
 * `POST /ask`: JSON by default; Server-Sent Events when the body says
 * `"stream": true` or the client accepts `text/event-stream`. Events, in
 * order: `context` {citations, context}, `token` {text}…, then `done` with the
 * same JSON the non-streaming answer has, or `error` {error}. Closing the
 * connection aborts the work, down to the model call.
 */
import { type Request, Router } from "express";
import { answerQuestion, type AskDependencies, askStream } from "../../answer/ask.js";
import type { Logger } from "../../logger.js";
import { type EventFraming, sendEventStream } from "../event-stream.js";
import { boundedAnswer, boundedEvent } from "../response-limits.js";
import { askRequestSchema } from "../schemas.js";
import { parseBody } from "../validate.js";

export function askRoutes(deps: AskDependencies, logger?: Logger): Router {
  const router = Router();
  router.post("/ask", async (req, res) => {
    const { stream, ...input } = parseBody(askRequestSchema, req.body);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    if (stream ?? acceptsEventStream(req)) await sendEventStream(res, askStream(input, deps, abort.signal), abort.signal, namedEvents, logger);
    else res.json(boundedAnswer(await answerQuestion(input, deps, abort.signal)));
  });
  return router;
}

function acceptsEventStream(req: Request): boolean {
  return req.get("accept")?.includes("text/event-stream") ?? false;
}

/** `/ask`'s framing: one named SSE event per answer event, its passages bounded like the JSON answer's. */
const namedEvents: EventFraming = {
  frame: (event) => frame(boundedEvent(event)),
  error: (failure) => frame({ event: "error", data: { error: failure.message } }),
};

function frame({ event, data }: { event: string; data: unknown }): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
