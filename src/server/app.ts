/**
 * @module app
 * Builds the Express application from ready-made services. Nothing here reads
 * the environment or constructs models: that happens once, in the composition root.
 */
import express, { type Express } from "express";
import type { AskDependencies } from "../answer/ask.js";
import type { Insights } from "../insights/insights.js";
import type { Limits } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Readiness } from "../observability/readiness.js";
import type { IndexHolder } from "../store/index-holder.js";
import { observabilityRoutes } from "../observability/routes.js";
import { cors } from "./cors.js";
import { errorHandler, notFound } from "./error-handler.js";
import { httpMetrics } from "./middleware/http-metrics.js";
import { hostCheck } from "./middleware/host-check.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { requestLogging } from "./middleware/request-logging.js";
import { errorsAfterResponse, requestTimeout } from "./middleware/request-timeout.js";
import { securityHeaders } from "./middleware/security-headers.js";
import type { SearchDependencies } from "../answer/search.js";
import { mcpRoutes } from "./routes/mcp.js";
import { bearerAuth } from "./middleware/bearer-auth.js";
import { adminRoutes, type AdminDependencies } from "./routes/admin.js";
import { askRoutes } from "./routes/ask.js";
import { feedbackRoutes } from "./routes/feedback.js";
import { healthRoutes } from "./routes/health.js";
import { openAiRoutes } from "./routes/openai.js";
import { searchRoutes } from "./routes/search.js";
import { sourceRoutes } from "./routes/sources.js";
import { webRoutes } from "./routes/web.js";
import { welcomeRoutes } from "./routes/welcome.js";
import type { WelcomeSettings } from "../documents/welcome.js";

export interface AppDependencies {
  /** `POST /ask`: the question-answering use case. */
  ask: AskDependencies;
  /** `POST /search`: retrieval alone. */
  search: SearchDependencies;
  /** The live index, whose generation `/health` describes and whose documents `/sources` serves. */
  index: IndexHolder;
  logger: Logger;
  /** Other origins allowed to call us from a browser (the embedded widget); default: same origin only. */
  allowedOrigins?: readonly string[];
  operations: OperationsDependencies;
  /** `POST /admin/reindex`; absent or without a token, the admin routes do not exist. */
  admin?: AdminDependencies;
  /** The chat's first screen (`GET /welcome`); unset fields are derived from the index. */
  welcome?: WelcomeSettings;
  /** `POST /feedback`: readers' votes on answers; absent, the route does not exist. */
  insights?: Pick<Insights, "feedback">;
  /** Bearer keys required on `/v1/*` and `/mcp`; none: those routes are open like `/ask`. */
  apiKeys?: readonly string[];
  /** Reported to MCP clients as the server's version. */
  version?: string;
  /** Host header values accepted besides loopback names and IP addresses (DNS rebinding); `*`: any. */
  allowedHosts?: readonly string[];
  /** Bearer token required on `GET /metrics`; absent: open. */
  metricsToken?: string;
}

/** What running in production needs: limits against abuse and overload, metrics, readiness. */
export interface OperationsDependencies {
  limits: Limits;
  metrics: Metrics;
  readiness: Readiness;
}

export const BODY_LIMIT = "64kb";
/** Routes that run retrieval or a model for anyone who asks: rate-limited and bounded in time. */
const PUBLIC_WORK_ROUTES = ["/ask", "/search", "/v1", "/mcp"];
/** Routes sharing the per-client rate limit: the work routes and the documents, which can be large. */
const RATE_LIMITED_ROUTES = [...PUBLIC_WORK_ROUTES, "/sources"];
/** Routes for programs (OpenAI-compatible clients, MCP clients), which can hold a key; `API_KEYS` guards them. */
const KEYED_ROUTES = ["/v1", "/mcp"];
/** The only routes whose bodies are read as JSON; elsewhere a body is never parsed (nor waited for). */
const JSON_ROUTES = ["/ask", "/search", "/feedback", "/admin", "/v1", "/mcp"];

export function createApp({
  ask,
  search,
  index,
  logger,
  allowedOrigins = [],
  operations,
  admin,
  insights,
  apiKeys = [],
  version = "0.0.0",
  allowedHosts = [],
  metricsToken,
  welcome = { examples: [] },
}: AppDependencies): Express {
  const { limits, metrics, readiness } = operations;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", limits.trustProxy);
  app.use(requestLogging(logger));
  app.use(httpMetrics(metrics));
  app.use(securityHeaders);
  app.use(hostCheck(allowedHosts));
  app.use(cors(allowedOrigins));
  // The public, expensive routes; an operator's reindex may rightly take longer than any request timeout.
  app.use(PUBLIC_WORK_ROUTES, requestTimeout(limits.requestTimeoutMs));
  app.use(RATE_LIMITED_ROUTES, rateLimit(limits.rateLimit));
  // Cheap, but open to anyone: the same per-client budget, counted apart, keeps votes from being stuffed.
  if (insights) app.use("/feedback", rateLimit(limits.rateLimit));
  // After the rate limit, so guessing keys is limited too; before the body parser, so no unauthenticated body is read.
  if (apiKeys.length) app.use(KEYED_ROUTES, bearerAuth({ keys: apiKeys, realm: "grounded-rag", message: "Missing or wrong API key: send Authorization: Bearer <key>." }));
  if (metricsToken) app.use("/metrics", bearerAuth({ keys: [metricsToken], realm: "metrics", message: "Missing or wrong metrics token." }));
  app.use(JSON_ROUTES, express.json({ limit: BODY_LIMIT, strict: false, type: ["application/json", "application/*+json"] }));
  app.use(askRoutes(ask, logger));
  if (insights) app.use(feedbackRoutes(insights));
  app.use(searchRoutes(search));
  app.use(openAiRoutes(ask, logger));
  app.use(mcpRoutes(ask, version));
  app.use(healthRoutes(index));
  app.use(sourceRoutes(index));
  app.use(webRoutes());
  app.use(welcomeRoutes(index, welcome));
  app.use(observabilityRoutes({ metrics, readiness }));
  const adminRouter = admin && adminRoutes(admin);
  if (adminRouter) app.use(adminRouter);
  app.use(notFound);
  app.use(errorsAfterResponse(logger));
  app.use(errorHandler(logger));
  return app;
}
