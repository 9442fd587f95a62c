import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { rm } from "node:fs/promises";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { makeTempDir } from "../helpers/test-server.js";
import { describeRetrievalContract } from "./retrieval.contract.js";

describeRetrievalContract("embedded HNSW generations", async () => {
  const dir = await makeTempDir("rag-contract-");
  return { store: embeddedStore(dir, { bm25: BUNDLED_CALIBRATION.bm25 }), close: () => rm(dir, { recursive: true, force: true }) };
});
