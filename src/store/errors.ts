import type { EmbedderIdentity } from "../core/types.js";

/** The index on disk cannot be used as it is; `file` names the culprit when there is one. */
export class IndexUnusableError extends Error {
  override name = "IndexUnusableError";
  constructor(
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The index was built by another embedder (or dimension) than the one configured. */
export class EmbedderMismatchError extends IndexUnusableError {
  override name = "EmbedderMismatchError";
}

/** Throws an EmbedderMismatchError when the index at `where` was built by another embedder (or dimension) than `configured`. */
export function checkEmbedder(built: EmbedderIdentity, configured: EmbedderIdentity, where: string): void {
  if (built.id === configured.id && built.dimension === configured.dimension) return;
  throw new EmbedderMismatchError(
    `the index in ${where} was built with embedder ${built.id} (${built.dimension}-d), ` +
      `but ${configured.id} (${configured.dimension}-d) is configured; it must be rebuilt`,
  );
}

/**
 * The index's database cannot be reached, or did not answer in time: a passing
 * condition (restart, failover, overload), so the request may be retried.
 */
export class IndexUnavailableError extends Error {
  override name = "IndexUnavailableError";
  /** How long a caller should wait before trying again: about one restart of a PostgreSQL server. */
  readonly retryAfterSeconds = 5;
}
