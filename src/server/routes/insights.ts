/**
 * @module routes/insights
 * `GET /admin/insights`: the content-gap report, as JSON or, for a browser
 * (`Accept: text/html`, or `?format=html`), as a page; `?format=csv` for a
 * spreadsheet. Mounted inside the admin router, so the admin token guards it.
 * Without the question log there is nothing to report: 404 saying how to
 * turn it on.
 */
import { Router } from "express";
import { z } from "zod";
import { buildInsightsReport, type ReportDependencies } from "../../insights/report.js";
import { insightsPageHtml } from "../../insights/report-html.js";
import { insightsCsv } from "../../insights/report-text.js";
import { HttpError } from "../http-error.js";
import { pageHeaders } from "../page-headers.js";

export interface InsightsRouteDependencies extends Omit<ReportDependencies, "log"> {
  /** Undefined when QUESTION_LOG is off. */
  log: ReportDependencies["log"] | undefined;
}

const querySchema = z.object({ format: z.enum(["json", "html", "csv"], { error: "format must be json, html or csv" }).optional() });

export function insightsRoutes({ log, ...deps }: InsightsRouteDependencies): Router {
  const router = Router();
  router.get("/admin/insights", pageHeaders, async (req, res) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) throw new HttpError(400, query.error.issues[0]!.message);
    if (!log) throw new HttpError(404, "The question log is off: set QUESTION_LOG=1 to collect questions for this report.");
    const report = await buildInsightsReport({ log, ...deps });
    const format = query.data.format ?? (req.accepts(["json", "html"]) === "html" ? "html" : "json");
    if (format === "html") res.type("html").send(insightsPageHtml(report));
    else if (format === "csv") res.type("text/csv").attachment("insights.csv").send(insightsCsv(report));
    else res.json(report);
  });
  return router;
}
