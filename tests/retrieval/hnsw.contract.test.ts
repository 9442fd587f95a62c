import { rm } from "node:fs/promises";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { makeTempDir } from "../helpers/test-server.js";
import { describeRetrievalContract } from "./retrieval.contract.js";

describeRetrievalContract("embedded HNSW generations", async () => {
  const dir = await makeTempDir("rag-contract-");
  return { store: embeddedStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});
