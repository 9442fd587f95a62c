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

/**
 * Deletes old entries, then again every interval; resolves, once the first
 * deletion is done (so nothing expired is served after start-up), to the
 * function that stops it.
 */
export async function enforceRetention(
  log: Pick<SafeQuestionLog, "deleteBefore">,
  { days, intervalMs = DEFAULT_INTERVAL_MS, now = () => new Date() }: RetentionOptions,
): Promise<() => void> {
  const purge = () => log.deleteBefore(new Date(now().getTime() - days * DAY_MS));
  await purge();
  const timer = setInterval(() => void purge(), intervalMs);
  // Retention must not keep a finished process alive.
  timer.unref();
  return () => clearInterval(timer);
}
