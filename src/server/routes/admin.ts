/**
 * @module admin
 * The operators' routes, mounted only when ADMIN_TOKEN is set (without one
 * they do not exist: 404). `GET /admin` is the admin page; it signs in at
 * `POST /admin/session` (throttled) and then works through the same API that
 * scripts call with `Authorization: Bearer <ADMIN_TOKEN>` (see admin-auth.ts):
 * the document list, uploads (`PUT`, raw body), deletions, reindexing and its
 * progress. A change to the documents is followed by the incremental reindex,
 * and its response comes once the change is live.
 */
import express, { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { CorpusDocuments } from "../../documents/corpus-documents.js";
import { formatBytes } from "../../documents/corpus-documents.js";
import type { DocumentCatalog } from "../../documents/document-catalog.js";
import { DocumentError } from "../../documents/errors.js";
import { summaryCounts } from "../../ingest/open-index.js";
import type { Reindexer, ReindexOutcome } from "../../reindex/reindexer.js";
import { AdminSessions, requireAdmin, sessionIdOf, setSessionCookie } from "../admin-auth.js";
import { knownErrorResponse } from "../error-handler.js";
import { HttpError } from "../http-error.js";
import { rateLimit } from "../middleware/rate-limit.js";
import { pageHeaders } from "../page-headers.js";
import { parseBody } from "../validate.js";
import { adminPageHtml } from "../../web/html.js";
import { insightsRoutes, type InsightsRouteDependencies } from "./insights.js";

export interface AdminDependencies {
  /** The admin token; undefined disables the admin routes. */
  token: string | undefined;
  reindexer: Pick<Reindexer, "reindex" | "change" | "status">;
  /** The corpus folder, written on the operator's behalf. */
  corpus: CorpusDocuments;
  catalog: DocumentCatalog;
  /** Largest upload, in bytes. */
  maxUploadBytes: number;
  /** `GET /admin/insights`, the content-gap report. */
  insights?: InsightsRouteDependencies;
}

const reindexRequestSchema = z.strictObject({
  full: z.boolean({ error: "full must be a boolean" }).optional(),
});
const signInSchema = z.strictObject({ token: z.string({ error: "token must be a string" }).max(1024, "token is too long") });

// Failed sign-ins and wrong bearer tokens, together, one address may send per window: enough for typos, far too few to guess a token.
const SIGN_IN_ATTEMPTS = 10;
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** The admin router, or undefined when no token is configured. */
export function adminRoutes({ token, reindexer, corpus, catalog, maxUploadBytes, insights }: AdminDependencies): Router | undefined {
  if (!token) return undefined;
  const sessions = new AdminSessions(token);
  const router = Router();
  // One budget for both ways of presenting the token, so a guesser gains nothing by switching.
  const throttle = authFailureThrottle();

  router.get("/admin", pageHeaders, (_req, res) => {
    res.type("html").send(adminPageHtml());
  });
  router.post("/admin/session", throttle, (req, res) => {
    const { token: presented } = parseBody(signInSchema, req.body);
    if (!sessions.isToken(presented)) throw new HttpError(401, "Wrong admin token.");
    const { id, csrfToken } = sessions.create();
    setSessionCookie(req, res, id);
    res.json({ csrfToken });
  });
  router.get("/admin/session", (req, res) => {
    const session = sessions.get(sessionIdOf(req));
    if (!session) throw new HttpError(401, "Not signed in.");
    res.json({ csrfToken: session.csrfToken });
  });

  router.use("/admin", throttle, requireAdmin(sessions, token));
  if (insights) router.use(insightsRoutes(insights));
  router.delete("/admin/session", (req, res) => {
    sessions.delete(sessionIdOf(req));
    setSessionCookie(req, res, undefined);
    res.status(204).end();
  });
  router.get("/admin/status", (_req, res) => {
    res.json({ reindex: reindexer.status, maxUploadBytes });
  });
  router.get("/admin/documents", async (_req, res) => {
    res.json(await catalog.list());
  });
  router.put("/admin/documents/*id", rawBody(maxUploadBytes), async (req, res) => {
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const name = documentName(req.params);
    const { applied, outcome } = await reindexed(
      reindexer.change(() => corpus.put(name, content), { reason: `PUT /admin/documents (${content.length} bytes)` }),
    );
    res.json({ document: applied, ...outcomeView(outcome) });
  });
  router.delete("/admin/documents/*id", async (req, res) => {
    const name = documentName(req.params);
    const { applied, outcome } = await reindexed(reindexer.change(() => corpus.remove(name), { reason: "DELETE /admin/documents" }));
    res.json({ document: applied, ...outcomeView(outcome) });
  });
  router.post("/admin/reindex", async (req, res) => {
    const { full } = req.body === undefined ? { full: undefined } : parseBody(reindexRequestSchema, req.body);
    res.json(outcomeView(await reindexed(reindexer.reindex({ full, reason: "POST /admin/reindex" }))));
  });
  return router;
}

/** What a reindex response says: whether and when the change is live, and what the build did. */
function outcomeView(outcome: ReindexOutcome) {
  const { report } = outcome;
  return {
    status: outcome.status,
    generation: outcome.generation,
    builtAt: outcome.builtAt,
    ...summaryCounts(report),
    unreadable: report.failures,
    ...(outcome.sources && { sources: outcome.sources }),
    durationMs: Math.round(report.durationMs),
  };
}

/** A failed build becomes a 500 with its reason; known refusals (busy, locked, a bad document) pass through to the error handler. */
async function reindexed<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (knownErrorResponse(error)) throw error;
    // The caller is an authenticated operator: the reason helps and reveals nothing to the public.
    throw new HttpError(500, `reindex failed, the previous index is still served: ${(error as Error).message}`, { cause: error });
  }
}

/** The document name from the route's wildcard: `reports%2F2024.md` and `reports/2024.md` alike. */
function documentName(params: Record<string, unknown>): string {
  const id = params.id;
  return Array.isArray(id) ? id.join("/") : String(id ?? "");
}

/** The raw upload, any content type, at most `limit` bytes (413 naming the limit). */
function rawBody(limit: number): RequestHandler {
  const parse = express.raw({ type: () => true, limit });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string })?.type === "entity.too.large") {
        next(new DocumentError("too-large", `The file is larger than the limit of ${formatBytes(limit)}.`));
      } else next(error);
    });
}

/** Counts 401s only: an operator's 404s and 409s are not guesses. */
function authFailureThrottle(): RequestHandler {
  return rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    max: SIGN_IN_ATTEMPTS,
    counts: (status) => status === 401,
    message: "Too many failed sign-ins; wait a few minutes before trying again.",
  });
}
