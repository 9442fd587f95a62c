/**
 * @module request-logging
 * One structured log line per request (pino), tagged with a request id that
 * is also returned in `X-Request-Id`, so a user's report can be matched to
 * the log. Only the method, path, status, duration and client address are
 * logged: never headers, bodies or query strings, which may carry secrets.
 */
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../../logger.js";

export const REQUEST_ID_HEADER = "X-Request-Id";

// An id from a proxy in front of us is kept if it is harmless to echo and to log.
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;
// Paths are client-chosen; a long one must not bloat the log.
const MAX_LOGGED_PATH = 256;

export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const offered = req.get(REQUEST_ID_HEADER);
    const id = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    const started = performance.now();
    res.once("close", () => {
      const line = {
        reqId: id,
        method: req.method,
        path: req.path.slice(0, MAX_LOGGED_PATH),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip: req.ip,
        // The client went away before the whole response was written.
        ...(!res.writableFinished && { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(line, "request failed");
      else logger.info(line, "request");
    });
    next();
  };
}
