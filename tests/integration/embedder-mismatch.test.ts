import { BUNDLED_CALIBRATION } from "../../src/config.js";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/ingest/build-index.js";
import { openIndex } from "../../src/ingest/open-index.js";
import { createLogger } from "../../src/logger.js";
import { EmbedderMismatchError } from "../../src/store/errors.js";
import { loadLiveIndex } from "../../src/store/embedded/generations.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { makeTempDir, REPO_ROOT } from "../helpers/test-server.js";
import { embeddedStore } from "../../src/store/embedded/index.js";

describe("index built by another embedder", () => {
  const corpusDir = path.join(REPO_ROOT, "corpus");
  const chunking = { size: 480, overlap: 80 };

  it("When the configured embedder differs in name or dimension, Then loading says so clearly and start-up rebuilds", async () => {
    const indexDir = path.join(await makeTempDir(), "index");
    await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder: fakeEmbedder({ id: "test:letters-a", dimension: 32 }) });

    const other = fakeEmbedder({ id: "test:letters-b", dimension: 48 });
    const error = await loadLiveIndex(indexDir, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderMismatchError);
    expect((error as Error).message).toMatch(/built with embedder test:letters-a \(32-d\).*test:letters-b \(48-d\).*rebuilt/);

    const warnings: string[] = [];
    const logger = createLogger("silent");
    logger.warn = ((obj: unknown, msg?: string) => void warnings.push(String(msg ?? obj))) as typeof logger.warn;
    const snapshot = await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder: other, logger });
    expect(snapshot.manifest.embedder).toEqual({ id: "test:letters-b", dimension: 48 });
    expect(warnings.some((w) => /embedder changed/.test(w))).toBe(true);
    const hits = await snapshot.vectors.search(await other.embedQuery("Hangzhou"), 3);
    expect(hits).toHaveLength(3);
  });
});
