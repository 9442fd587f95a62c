/**
 * @module error-handler
 * The single error middleware: known errors become their status with a JSON
 * message; body-parser errors keep their 4xx; anything else is logged and
 * becomes a plain 500. No stack trace ever reaches a client. Domain errors
 * know nothing of HTTP: they carry domain facts (how long until the model has
 * room), and the table below is the one place that turns them into statuses.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ModelBusyError } from "../answer/limited-answerer.js";
import { IngestLockedError } from "../ingest/ingest-lock.js";
import type { Logger } from "../logger.js";
import { HttpError } from "./http-error.js";

/** What a client is told of a known error. */
export interface ErrorResponse {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

interface ErrorMapping<E extends Error> {
  type: ErrorClass<E>;
  respond(error: E): ErrorResponse;
}

const mapping = <E extends Error>(type: ErrorClass<E>, respond: (error: E) => ErrorResponse): ErrorMapping<E> => ({ type, respond });

// The errors whose message is safe and useful to show, and the status each becomes.
const KNOWN_ERRORS: ErrorMapping<never>[] = [
  mapping(HttpError, (e) => ({ status: e.status, message: e.message, headers: e.headers })),
  mapping(ModelBusyError, (e) => ({ status: 503, message: e.message, headers: { "Retry-After": String(e.retryAfterSeconds) } })),
  mapping(IngestLockedError, (e) => ({ status: 409, message: e.message })),
] as ErrorMapping<never>[];

/** The response for a known error, or undefined for anything else (which must not reach a client). */
export function knownErrorResponse(error: unknown): ErrorResponse | undefined {
  const known = KNOWN_ERRORS.find(({ type }) => error instanceof type);
  return known?.respond(error as never);
}

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = knownErrorResponse(error);
    if (known) {
      res.set(known.headers ?? {}).status(known.status).json({ error: known.message });
      return;
    }
    const parserError = error as BodyParserError;
    if (parserError?.type === "entity.too.large") {
      res.status(413).json({ error: "Request body is too large." });
      return;
    }
    if (parserError?.type === "entity.parse.failed") {
      res.status(400).json({ error: "Request body is not valid JSON." });
      return;
    }
    if (typeof parserError?.status === "number" && parserError.status >= 400 && parserError.status < 500) {
      res.status(parserError.status).json({ error: "Malformed request." });
      return;
    }
    logger.error({ err: error }, "unhandled error");
    res.status(500).json({ error: "Internal server error." });
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
};
