/**
 * @module rate-limit
 * Per-client rate limit (express-rate-limit, in-memory store) for the
 * expensive routes. Over the limit: 429 with `Retry-After` and a JSON error.
 */
import type { RequestHandler } from "express";
import { rateLimit as expressRateLimit } from "express-rate-limit";
import { sendError } from "../error-handler.js";

export interface RateLimitOptions {
  windowMs: number;
  /** Requests per client per window; 0 disables the limit. */
  max: number;
  /** Count only the responses this is true of (failed sign-ins: 401); default: every request. */
  counts?: (status: number) => boolean;
  /** The error over the limit. */
  message?: string;
}

export function rateLimit({ windowMs, max, counts, message = "Too many requests; please wait before asking again." }: RateLimitOptions): RequestHandler {
  if (max === 0) return (_req, _res, next) => next();
  return expressRateLimit({
    windowMs,
    limit: max,
    ...(counts && { skipSuccessfulRequests: true, requestWasSuccessful: (_req, res) => !counts(res.statusCode) }),
    standardHeaders: "draft-7",
    legacyHeaders: false,
    // Behind a proxy the operator sets TRUST_PROXY; the README says so, the console need not.
    validate: { xForwardedForHeader: false },
    handler: (req, res, _next, options) => {
      sendError(req, res, { status: options.statusCode, message, code: "rate_limit_exceeded" });
    },
  });
}
