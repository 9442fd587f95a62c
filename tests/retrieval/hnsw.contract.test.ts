import { rm } from "node:fs/promises";
import { fileGenerationStore } from "../../src/store/generation-store.js";
import { makeTempDir } from "../helpers/test-server.js";
import { describeRetrievalContract } from "./retrieval.contract.js";

describeRetrievalContract("embedded HNSW generations", async () => {
  const dir = await makeTempDir("rag-contract-");
  return { store: fileGenerationStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});
