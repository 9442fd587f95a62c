import { Router } from "express";
import { type SearchDependencies, searchDocuments } from "../../answer/search.js";
import { boundedPassage } from "../response-limits.js";
import { searchRequestSchema } from "../schemas.js";
import { parseBody } from "../validate.js";

export function searchRoutes(deps: SearchDependencies): Router {
  const router = Router();
  router.post("/search", async (req, res) => {
    const results = await searchDocuments(parseBody(searchRequestSchema, req.body), deps);
    res.json({ results: results.map(boundedPassage) });
  });
  return router;
}
