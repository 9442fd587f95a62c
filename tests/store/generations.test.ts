import { readdir, readFile, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEmbedder, type Embedder } from "../../src/embeddings/index.js";
import { buildIndex } from "../../src/ingest/build-index.js";
import { openIndex } from "../../src/ingest/open-index.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { currentGeneration } from "../../src/store/generations.js";
import { makeTempDir } from "../helpers/test-server.js";
import { FERRY, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";

const chunking = { size: 480, overlap: 80 };

/** A silent logger whose warnings are kept, to check what an operator would read. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = createLogger("silent");
  logger.warn = ((obj: unknown, msg?: string) => void warnings.push(String(msg ?? obj))) as typeof logger.warn;
  return { logger, warnings };
}

describe("index generations on disk", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder(loadConfig({ EMBEDDING_WORKERS: "0" }));
  });
  afterAll(() => embedder?.close?.());

  async function twoGenerations() {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY });
    const indexDir = path.join(await makeTempDir(), "index");
    const first = await buildIndex({ corpusDir, indexDir, chunking, embedder });
    await writeFile(path.join(corpusDir, "library.txt"), LIBRARY);
    const second = await buildIndex({ corpusDir, indexDir, chunking, embedder });
    return { corpusDir, indexDir, first: first.manifest.generation, second: second.manifest.generation };
  }

  it("When the live generation's vector file is truncated, Then start-up names the file and serves the previous generation", async () => {
    const { corpusDir, indexDir, first, second } = await twoGenerations();
    const vectors = path.join(indexDir, second, "vectors.hnsw");
    await truncate(vectors, 100);

    const { logger, warnings } = recordingLogger();
    const snapshot = await openIndex({ corpusDir, indexDir, chunking, embedder, logger });
    expect(snapshot.manifest.generation).toBe(first);
    expect(warnings.join("\n")).toContain(`index file ${vectors} is 100 bytes`);
    expect(snapshot.vectors.size).toBe(snapshot.chunks.length);
  });

  it("When the only generation's manifest is truncated, Then start-up names the file and rebuilds from the corpus", async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN });
    const indexDir = path.join(await makeTempDir(), "index");
    const built = await buildIndex({ corpusDir, indexDir, chunking, embedder });
    const manifest = path.join(indexDir, built.manifest.generation, "manifest.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).slice(0, 40));

    const { logger, warnings } = recordingLogger();
    const snapshot = await openIndex({ corpusDir, indexDir, chunking, embedder, logger });
    expect(warnings.join("\n")).toMatch(new RegExp(`index unusable: index manifest ${manifest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not valid JSON`));
    expect(snapshot.manifest.generation).not.toBe(built.manifest.generation);
    expect(snapshot.chunks.map((c) => c.source)).toContain("kiln.txt");
  });

  it("When a build publishes, Then the pointer names it, the previous generation is kept and older ones are removed", async () => {
    const { corpusDir, indexDir, first, second } = await twoGenerations();
    expect(await currentGeneration(indexDir)).toBe(second);
    await writeFile(path.join(corpusDir, "kiln.txt"), `${KILN}\nThe kiln is closed in August.\n`);
    const third = (await buildIndex({ corpusDir, indexDir, chunking, embedder })).manifest.generation;
    const generations = (await readdir(indexDir)).filter((name) => name.startsWith("gen-")).sort();
    expect(generations).toEqual([second, third].sort());
    expect(generations).not.toContain(first);
  });

  it("When the corpus has not changed, Then a build publishes nothing and embeds nothing", async () => {
    const { corpusDir, indexDir, second } = await twoGenerations();
    const report = await buildIndex({ corpusDir, indexDir, chunking, embedder });
    expect(report.published).toBeUndefined();
    expect(report.manifest.generation).toBe(second);
    expect(report.chunks.embedded).toBe(0);
    expect(report.files.unchanged).toHaveLength(3);
  });
});
