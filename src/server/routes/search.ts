import { Router } from "express";
import { passageView } from "../../answer/ask.js";
import type { Retriever } from "../../retrieval/retriever.js";
import type { SearchMode } from "../../retrieval/types.js";
import type { IndexHolder } from "../../store/index-holder.js";
import { boundedPassage } from "../response-limits.js";
import { searchRequestSchema } from "../schemas.js";
import { parseBody } from "../validate.js";

export interface SearchDependencies {
  index: IndexHolder;
  retriever: Retriever;
  defaultK: number;
  defaultMode: SearchMode;
}

export function searchRoutes(deps: SearchDependencies): Router {
  const router = Router();
  router.post("/search", async (req, res) => {
    const { query, k, mode } = parseBody(searchRequestSchema, req.body);
    const hits = await deps.retriever.retrieve(deps.index.current, query, { k: k ?? deps.defaultK, mode: mode ?? deps.defaultMode });
    res.json({
      results: hits.map((hit) => boundedPassage(passageView(hit))),
    });
  });
  return router;
}
