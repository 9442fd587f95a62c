/**
 * Loading and chunking in worker threads (issue 16, item 3): a file is parsed
 * off the event loop under a time budget; one over it is abandoned with its
 * thread, named, and the next file is parsed by a replacement.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parseFile, type ParseRequest } from "../../src/ingest/parse-file.js";
import { ParseWorkers } from "../../src/ingest/parse-workers.js";
import { LoadError } from "../../src/ingest/types.js";

const CHUNKING = { size: 480, overlap: 80 };
// Deeply nested <div>s: the HTML parser's tree building takes time quadratic in the depth (seconds at this size).
const DEEP_HTML = Buffer.from(`${"<div>".repeat(30_000)}deep text${"</div>".repeat(30_000)}`);
const MARKDOWN = Buffer.from(`# Kilns\n\nThe kiln was fired twice a year. ${"Potters loaded it by hand. ".repeat(60)}\n\n## Glaze\n\nAsh glaze ran green.`);

const request = (source: string, type: string, bytes: Buffer): ParseRequest => ({ source, type, bytes, chunking: CHUNKING });

describe("parse workers", () => {
  const workers = new ParseWorkers();
  afterAll(() => workers.close());

  it("When a file is parsed in a worker, Then its document and chunks are what parsing in process gives", async () => {
    const job = request("kilns.md", ".md", MARKDOWN);
    const [inWorker, inProcess] = await Promise.all([workers.parse(job, 30_000), parseFile(job)]);
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.chunks.length).toBeGreaterThan(1);
  });

  it("When a file takes longer than its time budget, Then it is skipped with a LoadError naming it, and the next file is parsed by a new worker", async () => {
    const timedOut = await workers.parse(request("deep.html", ".html", DEEP_HTML), 100).catch((error: unknown) => error);
    expect(timedOut).toBeInstanceOf(LoadError);
    expect((timedOut as LoadError).message).toMatch(/^deep\.html: took longer than the time limit of 100 ms to load \(LOAD_FILE_TIMEOUT_MS\); skipped$/);
    const next = await workers.parse(request("kilns.md", ".md", MARKDOWN), 30_000);
    expect(next.document.title).toBe("Kilns");
  });

  it("When a file cannot be read, Then the LoadError from the worker names it and says why", async () => {
    const failed = await workers.parse(request("binary.txt", ".txt", Buffer.from([0x50, 0x4b, 0x00, 0x01])), 30_000).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(LoadError);
    expect((failed as LoadError).message).toBe("binary.txt: looks binary (contains NUL bytes), not text");
  });
});
