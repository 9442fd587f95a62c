import { Router } from "express";
import type { IndexHolder } from "../../store/index-holder.js";

export function healthRoutes(index: IndexHolder): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    const { manifest } = index.current;
    res.json({
      status: "ok",
      chunks: manifest.chunkCount,
      documents: manifest.documentCount,
      embedder: manifest.embedder.id,
      generation: manifest.generation,
      builtAt: manifest.builtAt,
    });
  });
  return router;
}
