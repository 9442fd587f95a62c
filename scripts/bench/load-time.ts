/**
 * @module bench/load-time
 * One index load in a fresh process, as at a server's start-up (the process
 * that built the index has a full heap and a warm allocator, which flatters
 * nobody the same way). Prints one JSON line: `{ "ms": … }`.
 *
 * Usage: tsx scripts/bench/load-time.ts '{"system":"ours","indexDir":".cache/bench/index-ours-100000"}'
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { FakeEmbeddings } from "@langchain/core/utils/testing";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { currentGeneration, loadGeneration } from "../../src/store/embedded/generations.js";
import { timed } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";

export interface LoadTimeArgs {
  system: "ours" | "langchain";
  indexDir: string;
}

const args = JSON.parse(process.argv[2]!) as LoadTimeArgs;
const load = async () => {
  if (args.system === "langchain") return HNSWLib.load(args.indexDir, new FakeEmbeddings());
  const generation = await currentGeneration(args.indexDir);
  if (!generation) throw new Error(`no generation in ${args.indexDir}: run npm run bench first`);
  return loadGeneration(args.indexDir, generation, { id: LOCAL_USE_ID, dimension: DIMENSION });
};
const { ms } = await timed(load);
process.stdout.write(`${JSON.stringify({ ms })}\n`);
