import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/** JSON logs to stderr; secrets are redacted wherever they might be logged. */
export function createLogger(level: string): Logger {
  return pino(
    { level, redact: { paths: ["apiKey", "*.apiKey", "req.headers.authorization", "headers.authorization"], censor: "[redacted]" } },
    pino.destination(2),
  );
}
