/**
 * @module routes/mcp
 * The MCP server over Streamable HTTP at `/mcp`, stateless: every POST gets
 * its own server and transport (the SDK's recommended stateless set-up, so
 * concurrent clients' JSON-RPC ids never meet), built over the same
 * long-lived services, and answers with plain JSON. With no session there is
 * no server-to-client stream, so GET and DELETE are 405.
 */
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { Router } from "express";
import type { AskDependencies } from "../../answer/ask.js";
import { HttpError } from "../http-error.js";
import { createMcpServer } from "../../mcp/server.js";

export function mcpRoutes(deps: AskDependencies, version: string): Router {
  const router = Router();
  router.post("/mcp", async (req, res) => {
    const server = createMcpServer(deps, version);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  router.all("/mcp", () => {
    throw new HttpError(405, "Use POST: this MCP endpoint is stateless (Streamable HTTP without sessions).", { headers: { Allow: "POST" } });
  });
  return router;
}
