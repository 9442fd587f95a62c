/**
 * @module main
 * Entry point of `npm start` (and the container): read the config once, then serve (src/serve.ts).
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "./config.js";
import { serve } from "./serve.js";

async function main(): Promise<void> {
  const config = loadConfig();
  await serve(config, { watch: config.reindex.watch || process.argv.includes("--watch") });
}

main().catch((error: unknown) => {
  // One clear line for an operator, no stack trace, for errors we can explain.
  const message = error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error)?.message ?? String(error)}`;
  console.error(message);
  process.exit(1);
});
