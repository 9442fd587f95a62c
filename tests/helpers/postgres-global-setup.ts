/** Vitest global setup: one line, instead of one per file, when the PostgreSQL tests cannot run (see postgres.ts). */
export default function setup(): void {
  if (!process.env.PG_TEST_URL) {
    console.warn("PostgreSQL tests skipped: PG_TEST_URL is not set (.ci/run starts a server with scripts/pg/start.sh when ../shared/vendor has pgvector)");
  }
}
