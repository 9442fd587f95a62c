import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPdf } from "../../src/ingest/loaders/pdf.js";
import { LoadError } from "../../src/ingest/types.js";
import { readLiveManifest } from "../../src/store/embedded/generations.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { KILN, writeCorpus } from "./fixtures.js";
import { laidOutPdf, minimalPdf, type PlacedLine } from "./minimal-pdf.js";

const GLAZE_PAGES = [
  "Glazing handbook. Glazes are mixed on Tuesdays in the east workshop.",
  "The celadon glaze matures at cone 10 and turns a pale green in reduction firing.",
];

// A travel policy as a word processor lays it out: wrapped lines, headings, a running header and a page footer.
const heading = (text: string): PlacedLine => ({ text, heading: true, gap: 26 });
const paragraph = (...lines: string[]): PlacedLine[] => lines.map((text, i) => ({ text, gap: i === 0 ? 20 : 14 }));
const POLICY_PAGES: PlacedLine[][] = [
  [
    heading("1. Booking travel"),
    ...paragraph(
      "All flights must be booked through TravelDesk at least fourteen days before de-",
      "parture. Hotels should not cost more than 140 pounds per night in London or 110",
      "pounds per night elsewhere in the United Kingdom.",
    ),
    heading("2. Meals"),
    ...paragraph("Employees may claim up to 25 pounds per day for meals. Alcohol is never", "reimbursed. Tips are reimbursed up to ten percent of the bill. Receipts are"),
  ],
  [
    ...paragraph("required for every meal, including breakfast."),
    heading("3. Submitting a claim"),
    ...paragraph("Claims are submitted in the Expenses app:"),
    ...paragraph("- within 60 days of the journey;"),
    ...paragraph("- with photographs of all receipts."),
  ],
];

describe("PDF documents", () => {
  it("When a PDF is laid out in wrapped lines under a running header and footer, Then its text is its paragraphs, its headings start sections, and header and footer are left out", async () => {
    const doc = await loadPdf(laidOutPdf(POLICY_PAGES, { header: "Northwind Travel Policy" }), "travel.pdf");
    expect(doc.text).toBe(
      [
        "1. Booking travel",
        // The word broken over two lines is one again; the wrapped sentence is one sentence.
        "All flights must be booked through TravelDesk at least fourteen days before departure. Hotels should not cost more than 140 pounds per night in London or 110 pounds per night elsewhere in the United Kingdom.",
        "2. Meals",
        // The sentence carried over to the next page stays one.
        "Employees may claim up to 25 pounds per day for meals. Alcohol is never reimbursed. Tips are reimbursed up to ten percent of the bill. Receipts are required for every meal, including breakfast.",
        "3. Submitting a claim",
        "Claims are submitted in the Expenses app:",
        "- within 60 days of the journey;",
        "- with photographs of all receipts.",
      ].join("\n\n"),
    );
    expect(doc.sections.map((s) => [doc.text.slice(s.start, s.start + 9), s.headingPath])).toEqual([
      ["1. Bookin", ["1. Booking travel"]],
      ["2. Meals\n", ["2. Meals"]],
      ["3. Submit", ["3. Submitting a claim"]],
    ]);
    // Without a title in its metadata, the document is named by its first heading.
    expect(doc.title).toBe("1. Booking travel");
    const secondPage = doc.pages!.find((p) => p.number === 2)!;
    expect(doc.text.slice(secondPage.start)).toMatch(/^required for every meal/);
  });

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
        "travel.pdf": laidOutPdf(POLICY_PAGES, { title: "Travel Policy", header: "Northwind Travel Policy" }),
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

    it("When a question is answered from a wrapped paragraph of a PDF, Then the whole sentence is quoted and cited with its page and section", async () => {
      const response = await server.post("/ask", { question: "How much can a hotel cost per night in London?" });
      const body = (await response.json()) as { answer: string; citations: { source: string; page?: number; headingPath: string[] }[] };
      expect(body.answer).toContain("Hotels should not cost more than 140 pounds per night in London or 110 pounds per night elsewhere in the United Kingdom [1].");
      expect(body.citations[0]).toMatchObject({ source: "travel.pdf", page: 1, headingPath: ["1. Booking travel"] });
    });

    it("When some PDFs cannot be read, Then they are skipped by name and the rest is indexed", async () => {
      const manifest = (await readLiveManifest(path.join(server.dir, "index")))!;
      expect(manifest.files.map((f) => f.source).sort()).toEqual(["glazes.pdf", "kiln.txt", "travel.pdf"]);
      const unreadable = new Map(manifest.unreadable?.map((f) => [f.source, f.message]));
      expect([...unreadable.keys()].sort()).toEqual(["broken.pdf", "locked.pdf"]);
      expect(unreadable.get("locked.pdf")).toMatch(/^locked\.pdf: is an encrypted PDF/);
      expect(unreadable.get("broken.pdf")).toMatch(/^broken\.pdf: is not a readable PDF/);
    });
  });
});
