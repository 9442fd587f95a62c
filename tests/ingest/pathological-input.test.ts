/**
 * Documents crafted to be slow or to hide text (issue 16, items 1 and 6): the
 * loaders and the sentence splitter take time in proportion to the input, and
 * what a visitor cannot see is not indexed. The time bounds are far above what
 * the linear code needs and far below what the quadratic code took.
 */
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { loadHtml } from "../../src/ingest/loaders/html.js";
import { loadMarkdown } from "../../src/ingest/loaders/markdown.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { MAX_SENTENCE_CHARS, sentenceSpans } from "../../src/ingest/sentences.js";

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe("loaders and sentences on pathological input", () => {
  it("When a markdown heading line holds 40,000 spaces, Then it loads at once with its title", () => {
    const { value, ms } = timed(() => loadMarkdown(Buffer.from(`# Start${" ".repeat(40_000)}end #\n\nBody.`), "a.md"));
    expect(value.sections[0]!.headingPath[0]).toMatch(/^Start .*end$/);
    expect(value.sections[0]!.headingPath[0]!.length).toBeLessThanOrEqual(200);
    expect(ms).toBeLessThan(1000);
  });

  it("When markdown headings have closing hashes or only spaces, Then titles are what CommonMark-ish ATX reading gives", () => {
    const titles = (line: string) => loadMarkdown(Buffer.from(`${line}\nText.`), "a.md").sections.map((s) => s.headingPath.at(-1));
    expect(titles("## Title ##")).toEqual(["Title"]);
    expect(titles("#  ##")).toEqual(["#"]);
    expect(titles("# ")).toEqual([]);
    expect(titles("####### x")).toEqual([]);
  });

  it("When an HTML page is 200 KB of <p>x</p>, Then it loads in time proportional to its size", () => {
    const { value, ms } = timed(() => loadHtml(Buffer.from("<p>x</p>".repeat(25_000)), "p.html"));
    expect(value.text.split("\n\n")).toHaveLength(25_000);
    expect(ms).toBeLessThan(3000);
  });

  it("When HTML nests 50,000 elements, Then the text is extracted without exhausting the call stack", () => {
    const doc = loadHtml(Buffer.from(`${"<span>".repeat(50_000)}deep text`), "deep.html");
    expect(doc.text).toBe("deep text");
  });

  it("When HTML hides text (hidden, aria-hidden, inline styles, template, form fields, closed dialog), Then none of it is indexed", () => {
    const html = `<h1>Visible <span hidden>H0</span>title</h1>
      <p hidden>H1</p><div aria-hidden="true"><p>H2</p></div><p style="color:red; DISPLAY : none !important">H3</p>
      <p style="visibility:hidden">H4</p><template><p>H5</p></template><textarea>H6</textarea><input value="H7">
      <select><option>H8</option></select><dialog><p>H9</p></dialog><dialog open><p>Open dialog.</p></dialog><p>Shown text.</p>`;
    const doc = loadHtml(Buffer.from(html), "hidden.html");
    expect(doc.text).toBe("Visible title\n\nOpen dialog.\n\nShown text.");
    expect(doc.title).toBe("Visible title");
    expect(doc.sections.at(-1)!.headingPath).toEqual(["Visible title"]);
  });

  it("When plain text holds 25,000 header-and-dashes pairs that end in a ragged line, Then each line is read once", () => {
    // Each pair starts a table that runs to the end; read anew from every header, that was 25,000 × 50,000 lines.
    const text = `${Array.from({ length: 50_000 }, (_, i) => (i % 2 ? "--   --" : "ab   cd")).join("\n")}\nabcdefgh`;
    const { value, ms } = timed(() => loadTxt(Buffer.from(text), "columns.txt"));
    expect(value.text.startsWith("| ab | cd |\n| --- | --- |\n| ab | cd |\n| -- | -- |")).toBe(true);
    expect(ms).toBeLessThan(3000);
  });

  it("When a text holds 50,000 short sentences, Then they are split in time proportional to the text", () => {
    const text = "Ab. ".repeat(50_000);
    const { value, ms } = timed(() => sentenceSpans(text));
    expect(value).toHaveLength(50_000);
    expect(ms).toBeLessThan(2000);
  });

  it("When a document is one 100,000-character word, Then every chunk is at most the chunk size and offsets hold", () => {
    const text = `Title\n\n${"q".repeat(100_000)}`;
    const chunks = chunkDocument({ source: "word.txt", title: "Word", text, sections: [] }, { size: 480, overlap: 80 });
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(480);
    expect(chunks.map((c) => c.text).join("")).toBe(text.replace("\n\n", ""));
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("When a sentence runs far past the sentence bound, Then it is cut into bounded pieces at white space, and chunk offsets still hold", () => {
    const text = `${"word ".repeat(2000)}end. ${"x".repeat(5000)}`;
    const spans = sentenceSpans(text);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Together the pieces hold every character but the white space between them.
    const covered = spans.map((s) => text.slice(s.start, s.end)).join("");
    expect(covered.replace(/\s/g, "") === text.replace(/\s/g, "")).toBe(true);
    const doc = { source: "long.txt", title: "Long", text, sections: [] };
    for (const chunk of chunkDocument(doc, { size: 480, overlap: 80 })) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it("When a document is a 10 MB line without white space, Then it is chunked in time proportional to its length", () => {
    // Each cut looked back for a space over the whole text before it: 20 MB took minutes.
    const text = "q".repeat(10_000_000);
    const { value, ms } = timed(() => chunkDocument({ source: "line.txt", title: "Line", text, sections: [] }, { size: 480, overlap: 80 }));
    expect(Math.max(...value.map((c) => c.text.length))).toBeLessThanOrEqual(480);
    expect(value.at(-1)!.end).toBe(text.length);
    expect(ms).toBeLessThan(10_000);
  });

  it("When a markdown file has 50,000 headings, Then each section is chunked under its own heading, in time proportional to the count", () => {
    // Each region looked its section up in a reversed copy of every section: quadratic in the number of headings.
    const doc = loadMarkdown(Buffer.from(Array.from({ length: 50_000 }, (_, i) => `# H${i}\n\nBody ${i}.\n\n`).join("")), "many.md");
    const { value, ms } = timed(() => chunkDocument(doc, { size: 480, overlap: 80 }));
    expect(value).toHaveLength(50_000);
    expect(value[12_345]!.headingPath).toEqual(["H12345"]);
    expect(value[12_345]!.text).toBe("# H12345\n\nBody 12345.");
    expect(ms).toBeLessThan(20_000);
  });
});
