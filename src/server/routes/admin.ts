/**
 * @module admin
 * `POST /admin/reindex` and `GET /admin/insights`, for operators: require `Authorization: Bearer
 * <ADMIN_TOKEN>`, compared in constant time. Mounted only when a token is set,
 * so without one the route does not exist (404).
 */
import { Router } from "express";
import { z } from "zod";
import { IngestLockedError } from "../../ingest/ingest-lock.js";
import { summaryCounts } from "../../ingest/open-index.js";
import type { Reindexer } from "../../reindex/reindexer.js";
import { HttpError } from "../http-error.js";
import { bearerAuth } from "../middleware/bearer-auth.js";
import { parseBody } from "../validate.js";
import { insightsRoutes, type InsightsRouteDependencies } from "./insights.js";

export interface AdminDependencies {
  /** The bearer token; undefined disables the admin routes. */
  token: string | undefined;
  reindexer: Pick<Reindexer, "reindex">;
  /** `GET /admin/insights`, the content-gap report. */
  insights?: InsightsRouteDependencies;
}

const reindexRequestSchema = z.strictObject({
  full: z.boolean({ error: "full must be a boolean" }).optional(),
});

/** The admin router, or undefined when no token is configured. */
export function adminRoutes({ token, reindexer, insights }: AdminDependencies): Router | undefined {
  if (!token) return undefined;
  const router = Router();
  router.use("/admin", bearerAuth({ keys: [token], realm: "admin", message: "Missing or wrong admin token." }));
  if (insights) router.use(insightsRoutes(insights));
  router.post("/admin/reindex", async (req, res) => {
    const { full } = req.body === undefined ? { full: undefined } : parseBody(reindexRequestSchema, req.body);
    try {
      const outcome = await reindexer.reindex({ full, reason: "POST /admin/reindex" });
      const { report } = outcome;
      res.json({
        status: outcome.status,
        generation: outcome.generation,
        builtAt: outcome.builtAt,
        ...summaryCounts(report),
        unreadable: report.failures,
        durationMs: Math.round(report.durationMs),
      });
    } catch (error) {
      // Another ingest holding the lock is an ordinary refusal (the error handler's table makes it a 409).
      if (error instanceof IngestLockedError) throw error;
      // The caller is an authenticated operator: the reason helps and reveals nothing to the public.
      throw new HttpError(500, `reindex failed, the previous index is still served: ${(error as Error).message}`, { cause: error });
    }
  });
  return router;
}
