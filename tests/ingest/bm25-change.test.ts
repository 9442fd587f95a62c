import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { buildIndex } from "../../src/ingest/build-index.js";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { makeTempDir, REPO_ROOT } from "../helpers/test-server.js";

describe("BM25 parameters changed by a new calibration", () => {
  const corpusDir = path.join(REPO_ROOT, "corpus");
  const chunking = { size: 480, overlap: 80 };
  const embedder = fakeEmbedder({ id: "test:letters", dimension: 32 });

  it("When the corpus is unchanged but the configured BM25 parameters differ, Then the next build rebuilds the keyword index with them, reusing every embedding", async () => {
    const indexDir = path.join(await makeTempDir(), "index");
    const build = (bm25: typeof BUNDLED_CALIBRATION.bm25) => buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25 }), chunking, embedder });
    const first = await build(BUNDLED_CALIBRATION.bm25);
    expect(first.published?.manifest.bm25).toEqual(BUNDLED_CALIBRATION.bm25);

    const again = await build(BUNDLED_CALIBRATION.bm25);
    expect(again.published).toBeUndefined();

    const changed = { k1: 0.9, b: 0.5, headingBoost: 1 };
    const rebuilt = await build(changed);
    expect(rebuilt.published?.manifest.bm25).toEqual(changed);
    expect(rebuilt.chunks.embedded).toBe(0);
    const topScore = (report: typeof first) => (report.published!.keywords.search("museum forum", 1) as { score: number }[])[0]!.score;
    expect(topScore(rebuilt)).not.toBeCloseTo(topScore(first), 6);
  });
});
