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
