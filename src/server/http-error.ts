/** An error with an HTTP status whose message is safe to show to the client. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    options?: {
      cause?: unknown;
      headers?: Record<string, string>;
      /** A machine-readable reason, shown by the OpenAI-compatible routes (`invalid_api_key`, `unsupported_parameter`, …). */
      code?: string;
      /** The request field at fault, when there is one (OpenAI's `param`). */
      param?: string;
    },
  ) {
    super(message, options);
    this.headers = options?.headers ?? {};
    this.code = options?.code;
    this.param = options?.param;
  }
  readonly headers: Record<string, string>;
  readonly code: string | undefined;
  readonly param: string | undefined;
}
