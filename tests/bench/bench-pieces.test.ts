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
  it("When a size beyond the unique chunks is asked for, Then replicas are distinct chunks of their own documents whose vectors keep the distances", () => {
    const base = loadBaseCorpus();
    const dimension = 4;
    const unique = 3;
    const baseVectors = Float32Array.from([1, 0, 0, 0, 0.6, 0.8, 0, 0, 0, 0, 0.8, 0.6]);
    const corpus = sizedCorpus(base, 7, unique, baseVectors, dimension);

    expect(new Set(corpus.chunks.map((c) => c.id)).size).toBe(7);
    for (const chunk of corpus.chunks) expect(corpus.documents.get(chunk.source)!.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(corpus.chunks[3]!.text).toBe(corpus.chunks[0]!.text);
    expect(corpus.chunks[3]!.source).toBe(`copy-1/${corpus.chunks[0]!.source}`);

    const row = (i: number) => Array.from(corpus.vectors.subarray(i * dimension, (i + 1) * dimension));
    const dot = (a: number[], b: number[]) => a.reduce((sum, x, d) => sum + x * b[d]!, 0);
    expect(row(0)).toEqual([1, 0, 0, 0]);
    // Within a replica the geometry is the original's: the same similarities between the same chunks.
    expect(dot(row(3), row(4))).toBeCloseTo(dot(row(0), row(1)), 6);
    expect(dot(row(4), row(5))).toBeCloseTo(dot(row(1), row(2)), 6);
    // A query moved into a replica finds there what it found in the original.
    const query = [0.6, 0.8, 0, 0];
    const moved = corpus.queryVector(query, 1);
    expect(dot(moved, row(4))).toBeCloseTo(dot(query, row(1)), 6);
  });
});
