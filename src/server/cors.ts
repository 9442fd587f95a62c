/**
 * @module cors
 * Cross-origin access for the embeddable widget, by hand (the rules are few):
 * requests without an Origin or from our own origin pass untouched; origins on
 * the allow-list get the CORS headers and their preflights answered; any other
 * origin is refused with a 403 before any work is done.
 */
import type { Request, RequestHandler } from "express";
import { HttpError } from "./http-error.js";

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * @param allowedOrigins exact origins (`https://example.org`), or `*` for any.
 * @example app.use(cors(config.web.allowedOrigins))
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const anyOrigin = allowedOrigins.includes("*");
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get("origin");
    if (!origin || isSameOrigin(origin, req)) return next();
    if (!anyOrigin && !allowed.has(origin)) throw new HttpError(403, "This origin is not allowed to use this service.");
    res.vary("Origin");
    res.set({ "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": "Retry-After" });
    if (req.method === "OPTIONS" && req.get("access-control-request-method")) {
      res.set({
        "Access-Control-Allow-Methods": "GET, POST",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_S),
      });
      res.status(204).end();
      return;
    }
    next();
  };
}

// Browsers send Origin on same-origin POSTs too; the scheme is not compared
// because a TLS-terminating proxy in front of us would change it.
function isSameOrigin(origin: string, req: Request): boolean {
  return URL.canParse(origin) && new URL(origin).host === req.get("host");
}
