/**
 * @module lifecycle
 * How the process ends. On SIGTERM or SIGINT: report not ready, stop
 * accepting connections, let in-flight requests and answer streams finish
 * within the grace period, cut what is left after it, release the services,
 * flush the log and exit (0 when everything finished in time). An unhandled
 * rejection or uncaught exception is logged and ends the process the same
 * way, with exit code 1, rather than leaving it running in an unknown state.
 */
import type { Server } from "node:http";
import type { Logger } from "./logger.js";

export interface LifecycleOptions {
  server: Server;
  logger: Logger;
  /** How long in-flight requests may take once shutdown has begun. */
  graceMs: number;
  /** Called first, so readiness turns false while requests drain. */
  onDraining?: () => void;
  /** Releases resources after the server has closed (worker threads, files). */
  release?: () => Promise<void>;
  /** The process to watch and end; injectable for tests. */
  proc?: ProcessLike;
}

/** The part of `process` the lifecycle uses. */
export interface ProcessLike {
  on(event: string, listener: (value: unknown) => void): unknown;
  exit(code: number): void;
}

// Keep-alive connections that become idle while draining are closed this often, so they do not hold the server open.
const IDLE_SWEEP_MS = 100;

/** Installs the signal and crash handlers; returns `shutdown` for callers that decide to stop on their own. */
export function manageLifecycle({ server, logger, graceMs, onDraining, release, proc = process }: LifecycleOptions) {
  let stopping = false;

  async function shutdown(reason: string, exitCode: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, graceMs }, "shutting down: no new connections; waiting for requests in flight");
    onDraining?.();
    const finishedInTime = await drain(server, graceMs);
    if (!finishedInTime) logger.warn({ graceMs }, "grace period over: closing the connections still open");
    await release?.().catch((error: unknown) => logger.error({ err: error }, "releasing resources failed"));
    const code = finishedInTime ? exitCode : Math.max(exitCode, 1);
    logger.info({ exitCode: code }, "stopped");
    logger.flush(() => proc.exit(code));
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    proc.on(signal, () => {
      // A second signal means "now": whoever sent it is not willing to wait for the grace period.
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting at once");
        logger.flush(() => proc.exit(1));
        return;
      }
      void shutdown(signal, 0);
    });
  }
  proc.on("unhandledRejection", (reason: unknown) => {
    logger.fatal({ err: reason }, "unhandled promise rejection; shutting down");
    void shutdown("unhandledRejection", 1);
  });
  proc.on("uncaughtException", (error: unknown) => {
    logger.fatal({ err: error }, "uncaught exception; shutting down");
    void shutdown("uncaughtException", 1);
  });
  return { shutdown };
}

/** Closes the server and waits for its connections to end; false when the deadline cut them off. */
function drain(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      done(false);
    }, graceMs);
    function done(inTime: boolean) {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(inTime);
    }
    server.close(() => done(true));
    server.closeIdleConnections();
  });
}
