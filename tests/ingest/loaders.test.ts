import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { loadCorpus } from "../../src/ingest/load-corpus.js";
import { loadHtml } from "../../src/ingest/loaders/html.js";
import { loadMarkdown } from "../../src/ingest/loaders/markdown.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { chunkSentences } from "../../src/answer/chunk-sentences.js";
import type { ParsedFile } from "../../src/ingest/parse-file.js";
import { makeTempDir } from "../helpers/test-server.js";

describe("loaders", () => {
  it("When HTML is loaded, Then only visible text is kept, the title comes from <title>, and headings start sections", () => {
    const html = `<!doctype html><html><head><title>Opening hours</title><style>p{color:red}</style>
      <script>var secret = "do not index";</script></head>
      <body><nav>Home</nav><h1>Visiting</h1><p>The museum opens at <b>10:00</b>.</p>
      <h2>Tickets</h2><ul><li>Adults pay 12 euros.</li><li>Children are free.</li></ul>
      <noscript>enable js</noscript><template>hidden</template></body></html>`;
    const doc = loadHtml(Buffer.from(html), "site/hours.html");
    expect(doc.title).toBe("Opening hours");
    expect(doc.text).toContain("The museum opens at 10:00.");
    // A list's items keep a marker, as Markdown writes them.
    expect(doc.text).toContain("- Adults pay 12 euros.\n\n- Children are free.");
    for (const hidden of ["secret", "color:red", "enable js", "hidden"]) expect(doc.text).not.toContain(hidden);
    const chunks = chunkDocument(doc, { size: 480, overlap: 80 });
    for (const c of chunks) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks.find((c) => c.text.includes("Adults"))!.headingPath).toEqual(["Visiting", "Tickets"]);
  });

  it("When plain text has a short line after a blank one, written like a heading, Then it starts a section and is not quoted as a sentence", () => {
    const text = [
      "Visiting the museum",
      "",
      "Welcome to the museum.",
      "",
      "Tickets and prices",
      "",
      "Adults pay 12 euros. Children are free.",
      "",
      "Opening hours: 10 to 17",
      "",
      "24 April 2025",
      "",
      "Thank you for visiting.",
      "",
      "Getting here",
      "By bus from the station.",
      "",
      "Museum of Glass",
      "Harbour Road",
      "",
      "2. Group visits",
      "Groups of ten or more book ahead.",
      "",
      "1. Bread",
      "2. Milk",
    ].join("\r\n");
    const doc = loadTxt(Buffer.from(text), "visit.txt");
    expect(doc.title).toBe("Visiting the museum");
    // Not the title line again, not a line with a colon or digits or closing punctuation; a heading's text may follow
    // on the next line ("Getting here"), but lines that all read like headings are an address, not a heading.
    // A section's number may lead it ("2. Group visits"); a numbered list is no heading.
    expect(doc.sections.map((s) => s.headingPath)).toEqual([[], ["Tickets and prices"], ["Getting here"], ["2. Group visits"]]);
    expect(doc.text.slice(doc.sections[1]!.start)).toMatch(/^Tickets and prices\r\n/);
    const chunks = chunkDocument(doc, { size: 480, overlap: 80 });
    const prices = chunks.find((c) => c.text.includes("Adults"))!;
    expect(prices.headingPath).toEqual(["Tickets and prices"]);
    expect(chunks.find((c) => c.text.includes("Welcome"))!.text).not.toContain("Tickets");
    const sentences = chunks.flatMap((c) => chunkSentences(c).map((s) => s.text));
    expect(sentences).not.toContain("Tickets and prices");
    expect(sentences).toEqual(expect.arrayContaining(["Opening hours: 10 to 17", "24 April 2025", "Adults pay 12 euros.", "Museum of Glass", "Harbour Road"]));
    expect(sentences).not.toContain("Getting here");
  });

  it("When a Markdown paragraph opens with a line in bold alone, as FAQs write their questions, Then that line heads a section under the heading it is in", () => {
    const md = [
      "# snapshelf",
      "## Troubleshooting",
      "**How do I get more detail?**",
      "Set `SNAPSHELF_LOG_LEVEL=debug`.",
      "",
      '**It says "zstd: command not found".**',
      "Install zstd with your package manager.",
      "",
      "**Customer Care:** 0345 071 2290",
      "",
      "A paragraph with **bold words** inside.",
      "**Not a heading** after a line of text.",
      "## Version history",
    ].join("\n");
    const doc = loadMarkdown(Buffer.from(md), "README.md");
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ["snapshelf"],
      ["snapshelf", "Troubleshooting"],
      ["snapshelf", "Troubleshooting", "How do I get more detail?"],
      ["snapshelf", "Troubleshooting", 'It says "zstd: command not found".'],
      ["snapshelf", "Version history"],
    ]);
    const install = chunkDocument(doc, { size: 480, overlap: 0 }).find((c) => c.text.includes("Install zstd"))!;
    expect(install.headingPath.at(-1)).toBe('It says "zstd: command not found".');
  });

  it("When a Markdown file opens with a line in bold before its first heading, Then its title is the heading, not that line", () => {
    const opensInBold = loadMarkdown(Buffer.from("**Last updated 3 May 2026**\n\n# Tenant handbook\n\nRent is due on the 1st.\n"), "handbook.md");
    expect(opensInBold.title).toBe("Tenant handbook");
    const boldOnly = loadMarkdown(Buffer.from("**Draft**\n\nRent is due on the 1st.\n"), "tenant-handbook.md");
    expect(boldOnly.title).toBe("tenant handbook");
  });

  it("When an HTML FAQ writes its questions as a <summary> or a paragraph in bold alone, Then each heads a section under the heading it is in", () => {
    const html = `<html><body><h1>Curlew Cottage</h1><h2>FAQ</h2>
      <details><summary>Can we bring the dog?</summary><p>Up to 2 dogs are welcome.</p></details>
      <p><strong>What is the wifi password?</strong></p><p>Heather&amp;Gorse22</p>
      <p>Check-out is <b>by 10am</b>, please.</p>
      <p><b>${"A whole paragraph set in bold. ".repeat(5)}</b></p>
      <h2>Bins</h2><p>Collected on Thursdays.</p></body></html>`;
    const doc = loadHtml(Buffer.from(html), "cottage.html");
    expect(doc.title).toBe("Curlew Cottage");
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ["Curlew Cottage"],
      ["Curlew Cottage", "FAQ"],
      ["Curlew Cottage", "FAQ", "Can we bring the dog?"],
      ["Curlew Cottage", "FAQ", "What is the wifi password?"],
      ["Curlew Cottage", "Bins"],
    ]);
    const wifi = chunkDocument(doc, { size: 120, overlap: 0 }).find((c) => c.text.includes("Heather"))!;
    expect(wifi.headingPath.at(-1)).toBe("What is the wifi password?");
  });

  it("When a line of plain text has lines indented under it, Then it heads them, digits and all, as a manual's entries are set out", () => {
    const text = [
      "Printer quick reference",
      "",
      "Tray 1 (main tray)",
      "  Capacity: 250 sheets of plain paper.",
      "",
      "E13  FUSER ERROR",
      "     Turn printer off, wait 15 minutes, turn on again.",
      "",
      "Serial number 4417",
      "Keep it for your records.",
      "",
      "2. Press the green release lever and slide the guides to fit",
      "     the paper size.",
    ].join("\n");
    const doc = loadTxt(Buffer.from(text), "printer.txt");
    // Not a line with digits whose next is not indented under it, nor a numbered step wrapping onto its next line.
    expect(doc.sections.map((s) => s.headingPath)).toEqual([[], ["Tray 1 (main tray)"], ["E13  FUSER ERROR"]]);
  });

  it("When plain text frames or underlines a heading with rule lines, Then it starts a section", () => {
    const text = ["BOILER GUIDE", "", "-----------------", "1. SAFETY FIRST", "-----------------", "", "Fit a CO alarm.", "", "Warranty", "========", "Seven years."].join("\n");
    const doc = loadTxt(Buffer.from(text), "boiler.txt");
    expect(doc.sections.map((s) => s.headingPath)).toEqual([[], ["1. SAFETY FIRST"], ["Warranty"]]);
    const sentences = chunkDocument(doc, { size: 480, overlap: 80 }).flatMap((c) => chunkSentences(c).map((s) => s.text));
    expect(sentences).toEqual(["Fit a CO alarm.", "Seven years."]);
    // The rule under a heading is no part of the sentence right under it.
    // A rule as long as a line wrapped to a width, which a line running on into the next would be.
    const rule = "-".repeat(60);
    const framed = ["BOILER GUIDE", "", rule, "7. IF THE BOILER IS UNSAFE", rule, "7.1 If the engineer finds a fault, they disconnect it."].join("\n");
    const framedDoc = loadTxt(Buffer.from(framed), "boiler.txt");
    expect(chunkDocument(framedDoc, { size: 480, overlap: 80 }).flatMap((c) => chunkSentences(c).map((s) => s.text))).toEqual(["If the engineer finds a fault, they disconnect it."]);
  });

  it("When plain text sets a table out in columns under dashes, Then it is written as a Markdown table, wrapped cells joined to their row", () => {
    const text = [
      "Membership options",
      "",
      "  Plan             Monthly price   Access",
      "  --------------   -------------   --------------------",
      "  Flex             GBP 39.99       All opening hours",
      "  Off-Peak         GBP 24.99       Weekdays 9:30 am - 4:00 pm,",
      "                                   weekends all day",
      "  Duo (two people, GBP 64.99       All opening hours",
      "  same address)",
      "",
      "Prices include VAT.  Fees are  paid monthly.",
    ].join("\n");
    const doc = loadTxt(Buffer.from(text), "terms.txt");
    expect(doc.text.split("\n").slice(2, 7)).toEqual([
      "| Plan | Monthly price | Access |",
      "| --- | --- | --- |",
      "| Flex | GBP 39.99 | All opening hours |",
      "| Off-Peak | GBP 24.99 | Weekdays 9:30 am - 4:00 pm, weekends all day |",
      "| Duo (two people, same address) | GBP 64.99 | All opening hours |",
    ]);
    const sentences = chunkDocument(doc, { size: 480, overlap: 80 }).flatMap((c) => chunkSentences(c).map((s) => s.text));
    expect(sentences).toContain("Plan: Off-Peak; Monthly price: GBP 24.99; Access: Weekdays 9:30 am - 4:00 pm, weekends all day");
    // Without a row set out in the columns under the dashes (a word across an edge), the text is left as it is.
    const ragged = ["Name   Price", "----   -----", "Flexible 39.99"].join("\n");
    expect(loadTxt(Buffer.from(ragged), "ragged.txt").text).toBe(ragged);
  });

  it("When an HTML page marks its content, Then its navigation, page header and footer are left out, and a header of the content is kept", () => {
    const html = `<html><head><title>IT help</title></head><body>
      <header><a href="/">Intranet</a> <div role="search">Search the intranet</div></header>
      <nav><a href="/it">IT</a> <a href="/hr">HR</a></nav>
      <main><article><header><h1>Passwords</h1><p>Updated in May.</p></header><p>Passwords must be 14 characters long.</p></article>
      <div role="navigation">Previous Next</div></main>
      <footer>© Northwind Trading</footer></body></html>`;
    const doc = loadHtml(Buffer.from(html), "it-help.html");
    expect(doc.text).toBe("Passwords\n\nUpdated in May.\n\nPasswords must be 14 characters long.");
    expect(doc.sections.map((s) => s.headingPath)).toEqual([["Passwords"]]);
  });

  it("When a page's footer has a heading of its own, Then it is a section of the page, kept with its heading", () => {
    const html = `<body><main><h1>Puppy plan</h1><p>The plan costs £14.50 a month.</p></main>
      <footer><h2>Contact and opening times</h2><p>Outside these hours, call Northgate Emergency Hospital on 01632 889 900.</p><p>© Riverside Vets</p></footer></body>`;
    const doc = loadHtml(Buffer.from(html), "plan.html");
    expect(doc.text).toContain("Outside these hours, call Northgate Emergency Hospital on 01632 889 900.");
    expect(doc.sections.map((s) => s.headingPath)).toEqual([["Puppy plan"], ["Puppy plan", "Contact and opening times"]]);
  });

  it("When an HTML page does not mark its content, Then a header of the page is the document's own, and only navigation is left out", () => {
    const html = "<body><header><h1>Annual report</h1><p>By the board.</p></header><nav>Home Contact</nav><p>Sales rose.</p><footer>Page 1</footer></body>";
    expect(loadHtml(Buffer.from(html), "r.html").text).toBe("Annual report\n\nBy the board.\n\nSales rose.\n\nPage 1");
  });

  it("When an HTML page has a table, Then each row is a line and its cells are set apart, not run together", () => {
    const html = "<p>Hotel limits:</p><table><tr><th>City</th><th>Limit</th></tr><tr><td>London</td><td>140 pounds</td></tr><tr> <td>Leeds</td> <td><b>95</b> pounds</td></tr></table>";
    expect(loadHtml(Buffer.from(html), "limits.html").text).toBe("Hotel limits:\n\nCity | Limit\n\nLondon | 140 pounds\n\nLeeds | 95 pounds");
  });

  it("When an HTML page has a definition list, Then each term stands on one line with its definition, not alone", () => {
    const html = "<dl><dt>PTO</dt><dd>Paid time off.</dd><dt>Hot desk:</dt> <dd>A desk nobody owns.</dd><dd>Book it a day ahead.</dd><dt>TOIL</dt><dt>Lieu time</dt><dd>Time off for extra hours.</dd></dl>";
    expect(loadHtml(Buffer.from(html), "glossary.html").text).toBe(
      "PTO: Paid time off.\n\nHot desk: A desk nobody owns.\n\nBook it a day ahead.\n\nTOIL\n\nLieu time: Time off for extra hours.",
    );
  });

  it("When an HTML page has preformatted code, Then its lines are kept, between fences, where other text is collapsed", () => {
    const html = "<p>Run   these:</p><pre><code>git clone https://example.org/t.git\ncd t\n\nnpm   install\n</code></pre><p>Then start it.</p>";
    expect(loadHtml(Buffer.from(html), "install.html").text).toBe("Run these:\n\n```\ngit clone https://example.org/t.git\ncd t\nnpm install\n```\n\nThen start it.");
  });

  it("When an HTML page has no <title>, Then its first <h1> is the title", () => {
    expect(loadHtml(Buffer.from("<h1>Annual report</h1><p>Text.</p>"), "r.html").title).toBe("Annual report");
  });

  it("When a corpus holds broken, binary, dangling and unsupported files, Then each is reported by name and the rest is loaded", async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, "notes"));
    await writeFile(path.join(dir, "good.txt"), "Good document\n\nThe forum met in Hangzhou.");
    await writeFile(path.join(dir, "notes", "guide.md"), "# Guide\n\nSome guidance.");
    await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    await symlink(path.join(dir, "missing.txt"), path.join(dir, "dangling.md"));
    await writeFile(path.join(dir, "outside-target.txt"), "x");
    const outsideDir = await makeTempDir();
    await writeFile(path.join(outsideDir, "secret.txt"), "secret");
    await symlink(path.join(outsideDir, "secret.txt"), path.join(dir, "escape.txt"));
    await writeFile(path.join(dir, "image.png"), Buffer.from([0x89, 0x50]));
    await writeFile(path.join(dir, ".hidden.txt"), "hidden");

    const corpus = await loadCorpus(dir, { size: 480, overlap: 80 });
    expect(corpus.parsed.map((p) => p.document.source).sort()).toEqual(["good.txt", "notes/guide.md", "outside-target.txt"]);
    expect(corpus.failures.map((f) => f.source).sort()).toEqual(["binary.txt", "dangling.md", "escape.txt"]);
    for (const failure of corpus.failures) expect(failure.message).toContain(failure.source);
    expect(corpus.failures.find((f) => f.source === "escape.txt")!.message).toMatch(/outside the corpus/);
    expect(corpus.skipped).toEqual(["image.png"]);
  });

  it("When a text file starts with a byte-order mark, Then it is removed and offsets still hold", async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, "bom.txt"), "\uFEFFTitle line\n\nBody sentence here.");
    const [{ document: doc }] = (await loadCorpus(dir, { size: 480, overlap: 80 })).parsed as [ParsedFile];
    expect(doc.title).toBe("Title line");
    expect(doc.text.startsWith("Title")).toBe(true);
  });
});
