import { afterAll } from "vitest";
import { startPgliteServer, type PgliteServer } from "../helpers/pglite-server.js";
import { describeSeedQa } from "../helpers/seed-qa-suite.js";
import { startTestServer } from "../helpers/test-server.js";

let database: PgliteServer | undefined;
afterAll(() => database?.close());

describeSeedQa("seed QA over HTTP with the offline answerer, index in PostgreSQL + pgvector", async () => {
  database = await startPgliteServer();
  return startTestServer({ env: { VECTOR_STORE: "pgvector", DATABASE_URL: database.url } });
});
