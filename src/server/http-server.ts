import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Bounds on slow or numerous clients (HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS, MAX_CONNECTIONS). */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

// Node's defaults let a client take 300 s to send one request; a slow body would hold its connection that long.
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 1024 };

const CHECK_INTERVAL_MS = 1000;

/** Listens on host:port (port 0 picks a free one) and reports the address it got. */
export function listen(app: Express, port: number, host: string, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // Node looks for expired requests only this often (30 s by default), whatever the timeouts say.
        connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs),
      },
      app,
    );
    server.maxConnections = limits.maxConnections;
    server.listen(port, host);
    server.once("error", reject);
    server.once("listening", () => {
      const { port: actual } = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}`,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
