import { afterAll } from "vitest";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { describeSeedQa } from "../helpers/seed-qa-suite.js";
import { startTestServer } from "../helpers/test-server.js";

let database: TestDatabase | undefined;
afterAll(() => database?.close());

describeOnPostgres("on a PostgreSQL 15 server", () => {
  describeSeedQa("seed QA over HTTP with the offline answerer, index in PostgreSQL + pgvector", async () => {
    database = await createTestDatabase();
    return startTestServer({ env: { VECTOR_STORE: "pgvector", DATABASE_URL: database.url } });
  });
});
