/**
 * @module cli/main
 * Entry point of the `grounded-rag` command (bin/grounded-rag.js). Any
 * failure is one line on stderr and exit code 2: a usage error, a bad
 * setting, an unreachable server.
 */
import "dotenv/config";
import { CommanderError } from "commander";
import { EXIT, createProgram } from "./program.js";

const program = createProgram().exitOverride();
try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the help, the version or the usage error itself.
    process.exit(error.exitCode === 0 ? 0 : EXIT.error);
  }
  console.error(`grounded-rag: ${oneLine(error)}`);
  process.exit(EXIT.error);
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
