import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { startPgliteServer } from "../helpers/pglite-server.js";
import { describeRetrievalContract } from "../retrieval/retrieval.contract.js";

describeRetrievalContract("PostgreSQL + pgvector (PGlite over the wire protocol)", async () => {
  const database = await startPgliteServer();
  const store = await PgGenerationStore.connect({ connectionString: database.url });
  return {
    store,
    async close() {
      await store.close();
      await database.close();
    },
  };
});
