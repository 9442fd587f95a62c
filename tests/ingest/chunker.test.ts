import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { loadMarkdown } from "../../src/ingest/loaders/markdown.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { MAX_SENTENCE_CHARS, sentenceSpans } from "../../src/ingest/sentences.js";
import type { SourceDocument } from "../../src/ingest/types.js";
import { REPO_ROOT } from "../helpers/test-server.js";

const corpusFile = path.join(REPO_ROOT, "corpus/nemo-unesco-museum-forum-2025.txt");
const corpusDoc = loadTxt(readFileSync(corpusFile), "nemo-unesco-museum-forum-2025.txt");

function expectOffsetInvariant(doc: SourceDocument, size: number, overlap: number) {
  const chunks = chunkDocument(doc, { size, overlap });
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) {
    expect(doc.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.text).toBe(chunk.text.trim());
    // Never cut inside a word: the characters either side of a chunk are not both letters/digits.
    const before = doc.text[chunk.start - 1] ?? " ";
    const after = doc.text[chunk.end] ?? " ";
    expect(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(chunk.text[0]!)).toBe(false);
    expect(/[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]/u.test(chunk.text.at(-1)!)).toBe(false);
  }
  return chunks;
}

describe("chunker", () => {
  it.each([
    [480, 80],
    [200, 40],
    [120, 0],
    [1500, 300],
  ])("When the real corpus is chunked at size %i / overlap %i, Then text.slice(start, end) === chunk.text for every chunk", (size, overlap) => {
    const chunks = expectOffsetInvariant(corpusDoc, size, overlap);
    // A chunk holds at most `size` characters unless one word alone is longer.
    for (const c of chunks) expect(c.text.length <= size || !/\s/.test(c.text)).toBe(true);
  });

  it("When chunks overlap, Then together they cover every sentence of the document", () => {
    const chunks = chunkDocument(corpusDoc, { size: 300, overlap: 60 });
    for (const s of sentenceSpans(corpusDoc.text)) {
      expect(chunks.some((c) => c.start <= s.start && s.end <= c.end) || s.end - s.start > 300).toBe(true);
    }
    expect(chunks.some((c, i) => i > 0 && c.start < chunks[i - 1]!.end)).toBe(true);
  });

  it("When a sentence is longer than the chunk size, Then it is split at spaces, not inside words", () => {
    const text = `${"lorem ipsum dolor sit amet ".repeat(40).trim()}. Short one.`;
    const doc: SourceDocument = { source: "long.txt", title: "long", text, sections: [] };
    const chunks = expectOffsetInvariant(doc, 100, 20);
    expect(chunks.length).toBeGreaterThan(5);
  });

  it("When markdown has headings, Then each chunk carries its heading path and chunks do not cross sections", () => {
    const md = "# Guide\n\nIntro text.\n\n## Install\n\nRun npm install. Then npm start.\n\n### Windows\n\nUse PowerShell.\n\n## Usage\n\nAsk a question.\n";
    const doc = loadMarkdown(Buffer.from(md), "guide.md");
    const chunks = expectOffsetInvariant(doc, 480, 80);
    expect(doc.title).toBe("Guide");
    const windows = chunks.find((c) => c.text.includes("PowerShell"))!;
    expect(windows.headingPath).toEqual(["Guide", "Install", "Windows"]);
    const usage = chunks.find((c) => c.text.includes("Ask a question"))!;
    expect(usage.headingPath).toEqual(["Guide", "Usage"]);
    expect(usage.text).not.toContain("PowerShell");
  });

  it("When a full stop has no space after it, Then the sentence splitter still separates the sentences", () => {
    const text = "enhancing museums’ professional capacities.AI needs to source data. Copyright issues must be resolved.";
    const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual([
      "enhancing museums’ professional capacities.",
      "AI needs to source data.",
      "Copyright issues must be resolved.",
    ]);
  });

  it("When a table's cell holds full stops, Then its row is still one sentence, and prose beside the table splits as before", () => {
    const text = "Settings are read from a file. Restart after a change.\n\n| Setting | Meaning |\n| --- | --- |\n| `bucket` | Where snapshots go. Required. |\n| `retention_days` | Days kept. |\n\nSee above. Done.";
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Settings are read from a file.",
      "Restart after a change.",
      "| Setting | Meaning |",
      "| --- | --- |",
      "| `bucket` | Where snapshots go. Required. |",
      "| `retention_days` | Days kept. |",
      "See above.",
      "Done.",
    ]);
  });

  it("When a name has initials or a title, Then the sentence does not end at its full stop, but a sentence after a capital letter still does", () => {
    const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    expect(split("Commander Edward D. Taussig of USS Bennington landed on Wake. It was 1899.")).toEqual([
      "Commander Edward D. Taussig of USS Bennington landed on Wake.",
      "It was 1899.",
    ]);
    expect(split("It was written by J. R. R. Tolkien. Dr. Smith read it in No. 12 Baker Street.")).toEqual([
      "It was written by J. R. R. Tolkien.",
      "Dr. Smith read it in No. 12 Baker Street.",
    ]);
    expect(split("They chose plan B. Then it rained.")).toEqual(["They chose plan B.", "Then it rained."]);
    // Nor where Markdown's emphasis opens before the title.
    expect(split("We rehearse every Tuesday at **St. Luke's Parish Hall**, from September. Arrive early.")).toEqual([
      "We rehearse every Tuesday at **St. Luke's Parish Hall**, from September.",
      "Arrive early.",
    ]);
    // A part's number in lower case, as a manual writes it; "no." ending a sentence still ends it.
    expect(split("Replacement filters (part no. AC-F220) cost $18.95. The answer is no. Then ask again.")).toEqual([
      "Replacement filters (part no. AC-F220) cost $18.95.",
      "The answer is no.",
      "Then ask again.",
    ]);
    // Nor at a time of day's "p.m." before its time zone; before another sentence it still does.
    expect(split("Support is here every day, 7 a.m. to 10 p.m. ET. Call us. We open at 9 a.m. Monday is busy.")).toEqual([
      "Support is here every day, 7 a.m. to 10 p.m. ET.",
      "Call us.",
      "We open at 9 a.m.",
      "Monday is busy.",
    ]);
    expect(split("Phone: 1-800-555-0147 (8:00 a.m.–6:00 p.m. Eastern Time).")).toHaveLength(1);
    expect(split("- **May 30, 11:59 p.m. Central** — Call for proposals closes")).toHaveLength(1);
    expect(split("We close at 10 p.m. Central Library opens at 9 a.m.")).toEqual(["We close at 10 p.m.", "Central Library opens at 9 a.m."]);
    // Joining never makes a sentence longer than the bound.
    const long = `${"word ".repeat(180)}Edward D. ${"Taussig ".repeat(80)}landed.`;
    expect(Math.max(...sentenceSpans(long).map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });

  it("When text is wrapped to a width, Then a sentence runs on over its lines, while short lines, list items, headings and sentence ends still break", () => {
    const text = [
      "The contractor, Baxter & Sons, confirmed that work will start on 14 April",
      "and take about eleven weeks. During the works the north entrance will be",
      "Closed for deliveries too.",
      "Parking",
      "Staff can use the new shelter by the east entrance, which holds forty",
      "- bikes in racks",
      "## Budget",
      "The approved budget is 480,000 pounds.",
      "Baxter & Sons, Leeds",
      "West Yorkshire",
      "Monday to Friday: 7:00 to 18:00",
      "Saturday: 8:00 to 16:00",
      "A deposit of 20% is",
      "required when ordering.",
      "Present: Ana Ruiz (chair), Tom Becker (treasurer), Priya Shah (secretary)",
      "Apologies: Mr Olsen (head teacher)",
    ].join("\r\n");
    const split = (options?: { wrappedLines: boolean }) => sentenceSpans(text, 0, text.length, options).map((s) => text.slice(s.start, s.end).replace(/\r\n/g, " | "));
    expect(split()).toEqual([
      "The contractor, Baxter & Sons, confirmed that work will start on 14 April | and take about eleven weeks.",
      // A capital after a wrapped line does not break it either: only the line's own ending does.
      "During the works the north entrance will be | Closed for deliveries too.",
      "Parking",
      "Staff can use the new shelter by the east entrance, which holds forty",
      "- bikes in racks",
      "## Budget",
      "The approved budget is 480,000 pounds.",
      "Baxter & Sons, Leeds",
      "West Yorkshire",
      // Short lines broken on purpose…
      "Monday to Friday: 7:00 to 18:00",
      "Saturday: 8:00 to 16:00",
      // …but a line going on in lower case goes on the sentence (a passage starting mid-line makes its first line short).
      "A deposit of 20% is | required when ordering.",
      // A line led by a label ("Apologies:") starts anew after a long one.
      "Present: Ana Ruiz (chair), Tom Becker (treasurer), Priya Shah (secretary)",
      "Apologies: Mr Olsen (head teacher)",
    ]);
    // Where every line break is meant (an answer), each line ends a sentence.
    expect(split({ wrappedLines: false })[0]).toBe("The contractor, Baxter & Sons, confirmed that work will start on 14 April");
  });

  it("When a list item wraps onto lines indented under it, Then it runs on over them, unless the indented line starts anew in capitals", () => {
    const text = [
      "IF YOU SMELL GAS:",
      "  - Open doors and windows.",
      "  - Leave the property and call the National Gas Emergency Service on",
      "    0800 111 999, free, 24 hours a day.",
      "  2. Financial investments to apply AI successfully in the Public Cultural Domain",
      "    Financial resources must be allocated for infrastructure.",
    ].join("\n");
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end).replace(/\n\s*/g, " | "))).toEqual([
      "IF YOU SMELL GAS:",
      "- Open doors and windows.",
      "- Leave the property and call the National Gas Emergency Service on | 0800 111 999, free, 24 hours a day.",
      "2. Financial investments to apply AI successfully in the Public Cultural Domain",
      "Financial resources must be allocated for infrastructure.",
    ]);
  });

  it("When a line led by a label wraps onto a line in lower case or indented under it, Then it runs on; a line led by another label starts anew", () => {
    const text = [
      "ACTION: Sue Brampton to submit a Temporary Event Notice for the bar to",
      "        Westshire District Council by 19 April.",
      "ACTION: Graham Fisher to apply to the Westshire Community Foundation for",
      "a grant of up to £5,000 by 30 April.",
      "Present: Ana Ruiz (chair), Tom Becker (treasurer), Priya Shah (secretary)",
      "Apologies: Mr Olsen (head teacher)",
    ].join("\n");
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end).replace(/\n\s*/g, " | "))).toEqual([
      "ACTION: Sue Brampton to submit a Temporary Event Notice for the bar to | Westshire District Council by 19 April.",
      "ACTION: Graham Fisher to apply to the Westshire Community Foundation for | a grant of up to £5,000 by 30 April.",
      "Present: Ana Ruiz (chair), Tom Becker (treasurer), Priya Shah (secretary)",
      "Apologies: Mr Olsen (head teacher)",
    ]);
  });

  it("When lines are set out in columns, Then each line is one sentence, not run into the next, and an extension's number stays with it", () => {
    const text = ["Trained first aiders:", "  Mr Gareth Pryce   - Lab Manager, Teaching Labs     ext. 4412", "  Dr Nadia Farouk   - Senior Teaching Fellow         ext. 4437"].join("\n");
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Trained first aiders:",
      "Mr Gareth Pryce   - Lab Manager, Teaching Labs     ext. 4412",
      "Dr Nadia Farouk   - Senior Teaching Fellow         ext. 4437",
    ]);
    // Prose wrapped to a width still runs on over its lines.
    const wrapped = "The first aiders for the Dalton Building are listed at the entrance to\nevery teaching laboratory.";
    expect(sentenceSpans(wrapped)).toHaveLength(1);
  });

  it("When lines lead from a label to its value with dots, Then each line is one sentence, not cut at the dots nor run into the next", () => {
    const text = [
      "Adult .................. £12.00",
      "Child (5-15) ........... £6.00",
      "Bicycles, strollers, large items .. $15.00 per item",
      "  Left dial ........ Central heating temperature (30 to 80 degrees C)",
      "  Right dial ....... Hot water temperature",
    ].join("\n");
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Adult .................. £12.00",
      "Child (5-15) ........... £6.00",
      "Bicycles, strollers, large items .. $15.00 per item",
      "Left dial ........ Central heating temperature (30 to 80 degrees C)",
      "Right dial ....... Hot water temperature",
    ]);
  });

  it("When a fenced code block holds commands, Then each of its lines is a sentence, lower case or not, and the prose after it wraps as before", () => {
    const text = "Install it with:\n\n```bash\ngit clone https://example.org/tidewater.git\ncd tidewater\nnpm install\n```\n\nThe first sync of ten years of tide tables takes about twenty\nminutes on a laptop.";
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end).replace(/\n/g, " | "))).toEqual([
      "Install it with:",
      "```bash",
      "git clone https://example.org/tidewater.git",
      "cd tidewater",
      "npm install",
      "```",
      "The first sync of ten years of tide tables takes about twenty | minutes on a laptop.",
    ]);
  });

  it("When a list item starts with an enumerator, Then the enumerator stays with its sentence", () => {
    const text = "Recommendations:\n  1. A political vision for museums\n  2. Financial investments";
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Recommendations:",
      "1. A political vision for museums",
      "2. Financial investments",
    ]);
  });
});
