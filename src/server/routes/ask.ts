import { Router } from "express";
import { answerQuestion, type AskDependencies } from "../../answer/ask.js";
import { askRequestSchema } from "../schemas.js";
import { parseBody } from "../validate.js";

export function askRoutes(deps: AskDependencies): Router {
  const router = Router();
  router.post("/ask", async (req, res) => {
    const input = parseBody(askRequestSchema, req.body);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    res.json(await answerQuestion(input, deps, abort.signal));
  });
  return router;
}
