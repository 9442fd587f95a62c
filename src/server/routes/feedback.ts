/**
 * @module routes/feedback
 * `POST /feedback` {id, vote, comment?}: a reader's thumbs up or down on the
 * answer with that id (from /ask or the stream's `done`). 204 when recorded,
 * 404 for an id no answer had. Counted in /metrics by vote and the answer's
 * outcome; stored in the question log when it is on.
 */
import { Router } from "express";
import { z } from "zod";
import type { Insights } from "../../insights/insights.js";
import { MAX_COMMENT_CHARS } from "../../core/feedback.js";
import { HttpError } from "../http-error.js";
import { parseBody } from "../validate.js";

const feedbackRequestSchema = z.strictObject({
  id: z.string({ error: "id must be a string" }).min(1, "id must not be empty").max(100, "id must be at most 100 characters"),
  vote: z.enum(["up", "down"], { error: 'vote must be "up" or "down"' }),
  comment: z
    .string({ error: "comment must be a string" })
    .max(MAX_COMMENT_CHARS, `comment must be at most ${MAX_COMMENT_CHARS} characters`)
    .transform((c) => c.trim() || undefined)
    .optional(),
});

export function feedbackRoutes(insights: Pick<Insights, "feedback">): Router {
  const router = Router();
  router.post("/feedback", async (req, res) => {
    const { id, vote, comment } = parseBody(feedbackRequestSchema, req.body);
    const known = await insights.feedback(id, { vote, ...(comment && { comment }) });
    if (!known) throw new HttpError(404, "No answer with this id (it may be too old).");
    res.status(204).end();
  });
  return router;
}
