/**
 * @module http-metrics
 * Counts every response and observes its duration, labelled by the matched
 * route pattern (`/sources/:id`, never the raw URL, so arbitrary paths sent
 * by clients cannot blow up the number of series).
 */
import type { Request, RequestHandler } from "express";
import type { Metrics } from "../../observability/metrics.js";

const UNMATCHED = "unmatched";

export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stopTimer = metrics.httpDuration.startTimer();
    res.once("close", () => {
      const labels = { method: normalisedMethod(req.method), route: routeOf(req), status: String(res.statusCode) };
      stopTimer(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}

function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === "string" ? `${req.baseUrl}${path}` : UNMATCHED;
}

// Methods are client-chosen too; anything unusual is one label value.
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
function normalisedMethod(method: string): string {
  return KNOWN_METHODS.has(method) ? method : "OTHER";
}
