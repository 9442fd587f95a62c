/**
 * @module observability-routes
 * GET /metrics (Prometheus text format) and GET /ready (200 or 503 with the
 * checks that decided it). GET /health, "the process is alive", is elsewhere.
 */
import { Router } from "express";
import type { Metrics } from "./metrics.js";
import type { Readiness } from "./readiness.js";

export function observabilityRoutes({ metrics, readiness }: { metrics: Metrics; readiness: Readiness }): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
  router.get("/ready", async (_req, res) => {
    const report = await readiness.check();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? "ready" : "not ready", ...report.checks });
  });
  return router;
}
