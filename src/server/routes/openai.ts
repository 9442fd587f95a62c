/**
 * @module routes/openai
 * The OpenAI-compatible API, so that front-ends and SDKs that speak OpenAI's
 * chat format (Open WebUI, LibreChat, the `openai` SDKs) can use the service
 * as if it were a model: `GET /v1/models` lists the one model, and
 * `POST /v1/chat/completions` answers through the same ask use case as `/ask`.
 * Errors come in OpenAI's shape (src/server/error-handler.ts).
 */
import { Router } from "express";
import { answerQuestion, type AskDependencies, askStream } from "../../answer/ask.js";
import type { Logger } from "../../logger.js";
import { sendEventStream } from "../event-stream.js";
import { HttpError } from "../http-error.js";
import { MODEL_ID, parseChatCompletionRequest, toAskInput } from "../openai/chat-request.js";
import { chatCompletion, chunkFraming, modelObject } from "../openai/wire.js";

export function openAiRoutes(deps: AskDependencies, logger?: Logger): Router {
  const router = Router();
  // The model "exists" since the index was built; OpenAI lists a creation time in seconds.
  const created = () => Math.floor(Date.parse(deps.index.current.manifest.builtAt) / 1000) || 0;
  router.get("/v1/models", (_req, res) => {
    res.json({ object: "list", data: [modelObject(created())] });
  });
  router.get("/v1/models/:model", (req, res) => {
    if (req.params.model !== MODEL_ID) throw unknownModel(req.params.model);
    res.json(modelObject(created()));
  });
  router.post("/v1/chat/completions", async (req, res) => {
    const request = parseChatCompletionRequest(req.body);
    if (request.model !== MODEL_ID) throw unknownModel(request.model);
    const input = toAskInput(request);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    if (request.stream) await sendEventStream(res, askStream(input, deps, abort.signal), abort.signal, chunkFraming(), logger);
    else res.json(chatCompletion(await answerQuestion(input, deps, abort.signal)));
  });
  return router;
}

function unknownModel(model: string): HttpError {
  return new HttpError(404, `The model '${model}' does not exist; this service offers '${MODEL_ID}'.`, { code: "model_not_found", param: "model" });
}
