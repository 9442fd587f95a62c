/**
 * Start-up index load time alone, in a fresh process (the figure in
 * docs/BENCHMARKS.md is taken in the process that has just built the index, so
 * its heap is full): loads the live generation of an index folder a few times
 * and prints each time and the median.
 *
 *   npx tsx scripts/bench/load-time.ts .cache/bench/index-ours-100000 [rounds]
 */
import { currentGeneration, loadGeneration } from "../../src/store/generations.js";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";

const [indexDir, rounds = "5"] = process.argv.slice(2);
if (!indexDir) throw new Error("usage: load-time.ts <index folder> [rounds]");
const generation = await currentGeneration(indexDir);
if (!generation) throw new Error(`no generation in ${indexDir}: run npm run bench first`);

const times: number[] = [];
for (let round = 0; round < Number(rounds); round++) {
  const started = performance.now();
  await loadGeneration(indexDir, generation, { id: LOCAL_USE_ID, dimension: 512 });
  times.push(Math.round(performance.now() - started));
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`load of ${generation}: ${times.join(", ")} ms; median ${median} ms`);
