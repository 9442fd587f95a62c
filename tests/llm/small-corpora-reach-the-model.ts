/**
 * The small corpora's check groups, each asked of its own documents as the eval asks them, reach the chat model with
 * the passages holding their answers. The groups are dealt into shards, one test file each, so that vitest runs them
 * on both cores: in one file they took 19.6 min of stop 61's 21.5 min CI run, where the other 110 files took 12.2 min
 * of test time together, so for the run's last minutes one core had nothing to do.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keywordGroups } from "../../src/eval/qa-sets.js";
import { REPO_ROOT } from "../helpers/test-server.js";
import { reachingTheModelOver } from "./reaching-the-model.js";

/**
 * Every answerable check question of every third group. A group's time is mostly its service's start — indexing its
 * documents, about 7 s alone and 15 s beside the other shard — and its questions add about 0.4 s each, so asking every
 * question of a third of the groups asks about as many as every third question of all of them did in half the time
 * (stop 63, the two shards side by side: 1,120 asked in 398 s a shard, where 1,162 took 14 min a shard in CI's 27 min
 * run); the groups still span every cohort, read and unseen.
 */
function groupsOfShard(shard: number, shards: number) {
  return keywordGroups("small-corpora", path.join(REPO_ROOT, "eval/small-corpora/questions.jsonl"), path.join(REPO_ROOT, "eval/small-corpora/docs"))
    .flatMap((set) => ("dir" in set.corpus ? [{ dir: set.corpus.dir, answerable: set.questions.filter((q) => q.answerable && q.split === "check") }] : []))
    .filter((group) => group.answerable.length > 0)
    .filter((_, i) => i % 3 === 0)
    .filter((_, i) => i % shards === shard);
}

/** Declares the case for one shard (0-based) of the groups. */
export function describeSmallCorporaReachingTheModel(shard: number, shards: number) {
  describe(`the chat model decides over the small corpora, shard ${shard + 1} of ${shards} (recording fake OpenAI-compatible server)`, () => {
    it("When the check questions are asked, each group of its own documents, Then every one whose answer was retrieved reaches the model with it", async () => {
      const groups = groupsOfShard(shard, shards);
      let [asked, retrieved, reached] = [0, 0, 0];
      for (const group of groups) {
        const counts = await reachingTheModelOver(group.dir, group.answerable);
        [asked, retrieved, reached] = [asked + group.answerable.length, retrieved + counts.retrieved, reached + counts.reached];
      }
      console.info(`small corpora, shard ${shard + 1} of ${shards}: ${retrieved} of ${asked} answerable check questions of ${groups.length} groups (every third group) had a passage holding their answer retrieved, ${reached} reached the model with it`);
      expect(asked).toBeGreaterThanOrEqual(200);
      // The model reads CHAT_TOP_K (10) passages: in the top 5 alone, 3,018 of all 3,200 had their answer's passage (`npm run eval`, stop 61).
      expect(retrieved).toBeGreaterThanOrEqual(0.95 * asked);
      expect(reached / retrieved).toBeGreaterThanOrEqual(0.98);
    }, 1_500_000);
  });
}
