/**
 * @module error-handler
 * The single error middleware: known errors become their status with a JSON
 * message; body-parser errors keep their 4xx; anything else is logged and
 * becomes a plain 500. No stack trace ever reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.js";
import { HttpError } from "./http-error.js";

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpError) {
      res.set(error.headers).status(error.status).json({ error: error.message });
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
