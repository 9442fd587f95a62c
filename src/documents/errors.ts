/**
 * @module documents/errors
 * Why a change to the documents was refused. Domain errors: they name the
 * problem for the operator and know nothing of HTTP (server/error-handler.ts
 * maps each `problem` to a status).
 */

export type DocumentProblem =
  /** The name is empty, absolute, leaves the corpus folder, or holds characters a file name should not. */
  | "invalid-name"
  /** No loader reads files of this type. */
  | "unsupported-type"
  /** Over the upload size limit. */
  | "too-large"
  /** An empty upload. */
  | "empty"
  /** No such document in the corpus. */
  | "not-found";

export class DocumentError extends Error {
  override name = "DocumentError";
  constructor(
    readonly problem: DocumentProblem,
    message: string,
  ) {
    super(message);
  }
}
