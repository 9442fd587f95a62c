/**
 * @module cli/mcp-stdio
 * `npm run mcp` (or `grounded-rag mcp`): the MCP server over stdio, for
 * desktop clients that start it as a child process. Stdout carries only
 * JSON-RPC; logs go to stderr as everywhere else.
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createServices } from "../services.js";
import { createMcpServer } from "../mcp/server.js";

/** Serves MCP on stdin/stdout until the client closes the connection. */
export async function serveMcpOverStdio(config: Config, logger: Logger, version: string): Promise<void> {
  const services = await createServices(config, logger);
  const server = createMcpServer(services.ask, version);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  // The SDK's stdio transport does not watch for the end of stdin; a client that goes away closes it, and so does a signal.
  const stop = () => void server.close();
  process.stdin.once("end", stop);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  await server.connect(new StdioServerTransport());
  logger.info({ embedder: services.embedder.id }, "MCP server on stdio");
  await closed;
  await services.close();
}
