/**
 * @module question-log/retention
 * QUESTION_LOG_DAYS enforced without an operator: entries older than the
 * retention are deleted at start-up and then every hour, so nothing is kept
 * much longer than promised even on a server that never restarts.
 */
import type { SafeQuestionLog } from "./safe-question-log.js";

const DAY_MS = 86_400_000;
const DEFAULT_INTERVAL_MS = 3_600_000;

export interface RetentionOptions {
  days: number;
  intervalMs?: number;
  /** The clock; tests move it. */
  now?: () => Date;
}

/** Starts deleting old entries now and every interval; returns the function that stops it. */
export function enforceRetention(log: Pick<SafeQuestionLog, "deleteBefore">, { days, intervalMs = DEFAULT_INTERVAL_MS, now = () => new Date() }: RetentionOptions): () => void {
  const purge = () => void log.deleteBefore(new Date(now().getTime() - days * DAY_MS));
  purge();
  const timer = setInterval(purge, intervalMs);
  // Retention must not keep a finished process alive.
  timer.unref();
  return () => clearInterval(timer);
}
