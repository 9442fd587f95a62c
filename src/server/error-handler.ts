/**
 * @module error-handler
 * The single error middleware: known errors become their status with a JSON
 * message; body-parser errors keep their 4xx; anything else is logged and
 * becomes a plain 500. No stack trace ever reaches a client. Domain errors
 * know nothing of HTTP: they carry domain facts (how long until the model has
 * room), and the table below is the one place that turns them into statuses.
 *
 * The body has one of two shapes. Our own routes answer `{"error": "<message>"}`;
 * the OpenAI-compatible routes (`/v1/…`) answer OpenAI's
 * `{"error": {"message", "type", "param", "code"}}`, because OpenAI clients
 * read the message and code from there and would otherwise show only the status.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { ModelBusyError } from "../answer/limited-answerer.js";
import { IngestLockedError } from "../ingest/ingest-lock.js";
import type { Logger } from "../logger.js";
import { DocumentError, type DocumentProblem } from "../documents/errors.js";
import { ReindexBusyError } from "../reindex/reindexer.js";
import { IndexUnavailableError } from "../store/errors.js";
import { HttpError } from "./http-error.js";

/** What a client is told of a known error. */
export interface ErrorResponse {
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** A machine-readable reason (OpenAI's `code`), e.g. `invalid_api_key`. */
  code?: string;
  /** The request field at fault (OpenAI's `param`). */
  param?: string;
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

interface ErrorMapping<E extends Error> {
  type: ErrorClass<E>;
  respond(error: E): ErrorResponse;
}

const mapping = <E extends Error>(type: ErrorClass<E>, respond: (error: E) => ErrorResponse): ErrorMapping<E> => ({ type, respond });

const DOCUMENT_STATUS: Record<DocumentProblem, number> = {
  "invalid-name": 400,
  empty: 400,
  "not-found": 404,
  "too-large": 413,
  "unsupported-type": 415,
};

// The errors whose message is safe and useful to show, and the status each becomes.
const KNOWN_ERRORS: ErrorMapping<never>[] = [
  mapping(HttpError, (e) => ({ status: e.status, message: e.message, headers: e.headers, code: e.code, param: e.param })),
  mapping(ModelBusyError, (e) => ({ status: 503, message: e.message, headers: { "Retry-After": String(e.retryAfterSeconds) }, code: "server_busy" })),
  // Another reindex holds the index: the operator's request may simply be retried.
  mapping(IngestLockedError, (e) => ({ status: 409, message: e.message })),
  mapping(ReindexBusyError, (e) => ({ status: 409, message: e.message })),
  mapping(DocumentError, (e) => ({ status: DOCUMENT_STATUS[e.problem], message: e.message })),
  // The database's own message (host, SQLSTATE) is not the client's business.
  mapping(IndexUnavailableError, (e) => ({
    status: 503,
    message: "The index is temporarily unavailable; retry shortly.",
    headers: { "Retry-After": String(e.retryAfterSeconds) },
  })),
] as ErrorMapping<never>[];

/** The response for a known error, or undefined for anything else (which must not reach a client). */
export function knownErrorResponse(error: unknown): ErrorResponse | undefined {
  const known = KNOWN_ERRORS.find(({ type }) => error instanceof type);
  return known?.respond(error as never);
}

/** What a client is told of any other failure. */
export const INTERNAL_ERROR: ErrorResponse = { status: 500, message: "Internal server error." };

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = knownErrorResponse(error);
    if (known) return sendError(req, res, known);
    const parserError = error as BodyParserError;
    if (parserError?.type === "entity.too.large") return sendError(req, res, { status: 413, message: "Request body is too large.", code: "request_too_large" });
    if (parserError?.type === "entity.parse.failed") return sendError(req, res, { status: 400, message: "Request body is not valid JSON.", code: "invalid_json" });
    if (typeof parserError?.status === "number" && parserError.status >= 400 && parserError.status < 500) {
      return sendError(req, res, { status: parserError.status, message: "Malformed request." });
    }
    logger.error({ err: error }, "unhandled error");
    sendError(req, res, INTERNAL_ERROR);
  };
}

export const notFound: RequestHandler = (req, res) => {
  sendError(req, res, { status: 404, message: `No route for ${req.method} ${req.path}`, code: "unknown_url" });
};

/** Writes an error in the shape the route's clients expect (see the module comment). */
export function sendError(req: Request, res: Response, error: ErrorResponse): void {
  res.set(error.headers ?? {}).status(error.status);
  // A refusal before the body was read: close the connection rather than wait for (and drain) the rest of it.
  if (!req.complete) res.set("Connection", "close");
  if (!isOpenAiRoute(req)) return void res.json({ error: error.message });
  res.json({ error: { message: error.message, type: openAiErrorType(error.status), param: error.param ?? null, code: error.code ?? null } });
}

function isOpenAiRoute(req: Request): boolean {
  return req.originalUrl === "/v1" || req.originalUrl.startsWith("/v1/");
}

// The `type` values OpenAI's own API uses for these statuses.
function openAiErrorType(status: number): string {
  if (status === 429) return "requests";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}
