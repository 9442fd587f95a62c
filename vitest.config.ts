import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/postgres-global-setup.ts"],
    // Each file loads the embedding model and may start servers; real work, real time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one file per core keeps CPU-bound embedding from starving timers.
    maxWorkers: 2,
    pool: "forks",
  },
});
