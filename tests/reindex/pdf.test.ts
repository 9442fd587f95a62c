import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPdf } from "../../src/ingest/loaders/pdf.js";
import { LoadError } from "../../src/ingest/types.js";
import { readLiveManifest } from "../../src/store/embedded/generations.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { KILN, writeCorpus } from "./fixtures.js";
import { minimalPdf } from "./minimal-pdf.js";

const GLAZE_PAGES = [
  "Glazing handbook. Glazes are mixed on Tuesdays in the east workshop.",
  "The celadon glaze matures at cone 10 and turns a pale green in reduction firing.",
];

describe("PDF documents", () => {
  it("When a PDF is loaded, Then its text is kept per page with offsets into the document text", async () => {
    const doc = await loadPdf(minimalPdf(GLAZE_PAGES, { title: "Glazing Handbook" }), "glazes.pdf");
    expect(doc.title).toBe("Glazing Handbook");
    expect(doc.pages?.map((p) => p.number)).toEqual([1, 2]);
    for (const [i, page] of doc.pages!.entries()) expect(doc.text.slice(page.start, page.end)).toBe(GLAZE_PAGES[i]);
  });

  it("When a PDF is encrypted or corrupt, Then loading fails with an error naming the file and the reason", async () => {
    const encrypted = await loadPdf(minimalPdf(["secret"], { encrypted: true }), "locked.pdf").catch((e: unknown) => e);
    expect(encrypted).toBeInstanceOf(LoadError);
    expect((encrypted as Error).message).toMatch(/^locked\.pdf: is an encrypted PDF/);
    const corrupt = await loadPdf(Buffer.from("%PDF-1.4\nthis is not a pdf body"), "broken.pdf").catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(LoadError);
    expect((corrupt as Error).message).toMatch(/^broken\.pdf: is not a readable PDF/);
  });

  describe("served", () => {
    let server: TestServer;
    let corpusDir: string;
    beforeAll(async () => {
      corpusDir = await writeCorpus({
        "kiln.txt": KILN,
        "glazes.pdf": minimalPdf(GLAZE_PAGES, { title: "Glazing Handbook" }),
        "locked.pdf": minimalPdf(["The vault code is 4471."], { encrypted: true }),
        "broken.pdf": Buffer.from("%PDF-1.4\nthis is not a pdf body"),
      });
      server = await startTestServer({ embedder: fakeEmbedder(), corpusDir, env: { EMBEDDING_WORKERS: "0" } });
    });
    afterAll(async () => {
      await server?.close();
      await rm(path.dirname(corpusDir), { recursive: true, force: true });
    });

    it("When a question is answered from a PDF, Then the citation carries the page number", async () => {
      const response = await server.post("/ask", { question: "At which cone does the celadon glaze mature?" });
      const body = (await response.json()) as { abstained: boolean; citations: { source: string; page?: number; text: string }[] };
      expect(body.abstained).toBe(false);
      expect(body.citations[0]).toMatchObject({ source: "glazes.pdf", page: 2 });
      expect(body.citations[0]!.text).toContain("cone 10");
    });

    it("When some PDFs cannot be read, Then they are skipped by name and the rest is indexed", async () => {
      const manifest = (await readLiveManifest(path.join(server.dir, "index")))!;
      expect(manifest.files.map((f) => f.source).sort()).toEqual(["glazes.pdf", "kiln.txt"]);
      const unreadable = new Map(manifest.unreadable?.map((f) => [f.source, f.message]));
      expect([...unreadable.keys()].sort()).toEqual(["broken.pdf", "locked.pdf"]);
      expect(unreadable.get("locked.pdf")).toMatch(/^locked\.pdf: is an encrypted PDF/);
      expect(unreadable.get("broken.pdf")).toMatch(/^broken\.pdf: is not a readable PDF/);
    });
  });
});
