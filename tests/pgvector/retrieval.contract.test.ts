import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { createTestDatabase, describeOnPostgres } from "../helpers/postgres.js";
import { describeRetrievalContract } from "../retrieval/retrieval.contract.js";

describeOnPostgres("on a PostgreSQL 15 server", () => {
  describeRetrievalContract("PostgreSQL + pgvector", async () => {
    const database = await createTestDatabase();
    const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    return {
      store,
      async close() {
        await store.close();
        await database.close();
      },
    };
  });
});
