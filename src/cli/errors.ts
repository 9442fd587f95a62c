/** A failure the CLI reports as one line naming the problem (exit code 2), without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
}
