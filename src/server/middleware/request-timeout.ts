/**
 * @module request-timeout
 * A deadline for the start of every response: past it the client gets 504,
 * and closing the response aborts the handler's work (routes pass an
 * AbortSignal tied to the response's `close` down to the model). A response
 * that has already started, such as an answer stream, is left alone.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../../logger.js";
import { sendError } from "../error-handler.js";

export function requestTimeout(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) sendError(req, res, { status: 504, message: `No answer within ${ms} ms; please try again.`, code: "timeout" });
    }, ms);
    res.once("close", () => clearTimeout(timer));
    next();
  };
}

/**
 * Errors raised after the response was complete or its client had gone (the
 * handler of a timed-out request finishing late; work abandoned because the
 * client disconnected, or cut short by shutdown releasing the embedder) have
 * no one left to tell; they are logged at debug level and dropped instead of
 * being reported as failures of the service.
 */
export function errorsAfterResponse(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (!res.writableEnded && !res.destroyed) return next(error);
    logger.debug({ reqId: res.locals.requestId, err: error }, "error after the response was sent");
  };
}
