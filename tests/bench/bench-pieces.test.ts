import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchDataAvailable, loadBaseCorpus, sizedCorpus } from "../../scripts/bench/dataset.js";
import { recallAt } from "../../scripts/bench/exact-search.js";
import { writeSection } from "../../scripts/bench/report.js";

describe("benchmark report", () => {
  it("When the bench section is written into a file with other sections, Then only the part between its markers changes", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "bench-report-")), "BENCHMARKS.md");
    const other = "<!-- reindex:start -->\n## Reindex\nfigures of another helper\n<!-- reindex:end -->\n";
    await writeFile(file, `# Benchmarks\n\n${other}`);
    writeSection(file, "## first run");
    writeSection(file, "## second run");
    const text = await readFile(file, "utf8");
    expect(text).toContain(other);
    expect(text).toContain("<!-- bench:start -->\n## second run\n<!-- bench:end -->");
    expect(text).not.toContain("first run");
  });

  it("When approximate neighbours are compared with the exact ones, Then recall is the mean share found", () => {
    expect(recallAt([["a", "b"], ["c", "x"]], [["a", "b"], ["c", "d"]])).toBe(0.75);
  });
});

describe.skipIf(!benchDataAvailable())("benchmark corpus", () => {
  it("When a size beyond the unique chunks is asked for, Then copies are distinct chunks of their own documents with distinct unit vectors", () => {
    const base = loadBaseCorpus();
    const dimension = 4;
    const unique = 3;
    const baseVectors = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const corpus = sizedCorpus(base, 7, unique, baseVectors, dimension);

    expect(new Set(corpus.chunks.map((c) => c.id)).size).toBe(7);
    for (const chunk of corpus.chunks) expect(corpus.documents.get(chunk.source)!.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(corpus.chunks[3]!.text).toBe(corpus.chunks[0]!.text);
    expect(corpus.chunks[3]!.source).toBe(`copy-1/${corpus.chunks[0]!.source}`);

    const row = (i: number) => Array.from(corpus.vectors.subarray(i * dimension, (i + 1) * dimension));
    expect(row(0)).toEqual([1, 0, 0, 0]);
    const copy = row(3);
    expect(Math.hypot(...copy)).toBeCloseTo(1, 5);
    expect(copy).not.toEqual(row(0));
    expect(copy[0]).toBeGreaterThan(0.8);
  });
});
