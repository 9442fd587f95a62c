/**
 * @module app
 * Builds the Express application from ready-made services. Nothing here reads
 * the environment or constructs models: that happens once, in the composition root.
 */
import express, { type Express } from "express";
import type { AskDependencies } from "../answer/ask.js";
import type { Logger } from "../logger.js";
import { cors } from "./cors.js";
import { errorHandler, notFound } from "./error-handler.js";
import { askRoutes } from "./routes/ask.js";
import { healthRoutes } from "./routes/health.js";
import { searchRoutes } from "./routes/search.js";
import { sourceRoutes } from "./routes/sources.js";
import { webRoutes } from "./routes/web.js";

export interface AppDependencies {
  ask: AskDependencies;
  logger: Logger;
  /** Other origins allowed to call us from a browser (the embedded widget); default: same origin only. */
  allowedOrigins?: readonly string[];
}

export const BODY_LIMIT = "64kb";

export function createApp({ ask, logger, allowedOrigins = [] }: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(cors(allowedOrigins));
  app.use(express.json({ limit: BODY_LIMIT, strict: false, type: ["application/json", "application/*+json"] }));
  app.use(askRoutes(ask, logger));
  app.use(searchRoutes({ index: ask.index, retriever: ask.retriever, defaultK: ask.defaultK, defaultMode: ask.mode }));
  app.use(healthRoutes(ask.index));
  app.use(sourceRoutes(ask.index));
  app.use(webRoutes());
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
