import { Router } from "express";
import type { Retriever } from "../../retrieval/retriever.js";
import type { SearchMode } from "../../retrieval/types.js";
import type { IndexHolder } from "../../store/index-holder.js";
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
      results: hits.map(({ chunk, score }) => ({
        id: chunk.id,
        source: chunk.source,
        title: chunk.title,
        headingPath: chunk.headingPath,
        text: chunk.text,
        start: chunk.start,
        end: chunk.end,
        ...(chunk.page !== undefined && { page: chunk.page }),
        score: Math.round(score * 1e4) / 1e4,
      })),
    });
  });
  return router;
}
