import { Router } from "express";
import { healthView } from "../../core/views.js";
import type { IndexHolder } from "../../store/index-holder.js";

export function healthRoutes(index: IndexHolder): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json(healthView(index.current.manifest));
  });
  return router;
}
