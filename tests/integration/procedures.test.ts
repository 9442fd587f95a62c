/**
 * How-to questions and definitions over HTTP with the bundled model, on the kinds of document a new user brought: a
 * printer guide with numbered steps, a README with a fenced block of commands, a help page with <pre> code, a
 * glossary written as an HTML definition list, a product's specifications. Before, one step was quoted with an
 * unrelated sentence, commands ran into one sentence ("git clone … cd tidewater npm install"), "What is PTO?" was
 * answered "PTO [1]", and "How heavy is it?" found nothing.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const PRINTER = `# Setting up the office printer

The office printer is on the second floor, next to the kitchen.

## Installing the printer driver

1. Open the Company Portal on your laptop.
2. Search for the printer driver and click Install. It takes a minute.
3. Restart your laptop when the portal asks you to.

On a Mac, the printer is added automatically after the restart.
`;

const README = `# Tidewater

Tidewater syncs tide tables into a local SQLite database and serves them over HTTP.

## Requirements

- Node.js 20 or newer
- SQLite 3.40 or newer

## Running the tests

Run \`npm test\`. The tests need Docker, because they start a throwaway database server.

## Installation

\`\`\`bash
git clone https://example.org/tidewater.git
cd tidewater
npm install
\`\`\`
`;

const SPECIFICATIONS = `AquaPure 300 water filter jug - user manual

Specifications
Capacity: 3 litres (1.6 litres of filtered water)
Filter life: 2 months or 150 litres, whichever comes first
Weight: 0.9 kg empty

Cleaning
The jug and lid are dishwasher safe (top rack only).
`;

const CARE = `Caring for your oak furniture

Solid oak is a natural material. It moves with the seasons and darkens slowly in sunlight.

Cleaning
Wipe with a soft, damp cloth and dry straight away. Do not use furniture polish sprays, bleach or steam cleaners: they strip the oil finish.

Oiling
Re-oil every 6 to 12 months with a hard-wax oil. Apply a thin coat with a lint-free cloth, leave it for 15 minutes, then buff off the excess.
`;

const GLOSSARY = `<html><head><title>Glossary</title></head><body><main><h1>Glossary</h1><dl>
<dt>PTO</dt><dd>Paid time off: holiday, sick days and personal days together.</dd>
<dt>TOIL</dt><dd>Time off in lieu: hours worked beyond your contract, taken later as time off.</dd>
</dl><h2>How do I reset my password?</h2><p>You can reset it yourself:</p><ol><li>Go to reset.example.org.</li>
<li>Enter your staff number and answer two security questions.</li><li>Choose a new password of at least 14 characters.</li></ol>
<h2>Connecting to the guest network</h2><ul><li>Select the network NW-Guest.</li><li>Accept the terms.</li></ul>
<h2>Resetting the VPN client</h2><pre><code>vpnctl reset
vpnctl connect --profile office</code></pre></main></body></html>`;

describe("procedures and definitions", () => {
  const served = serveCorpus({ "printer.md": PRINTER, "README.md": README, "glossary.html": GLOSSARY, "aquapure.txt": SPECIFICATIONS, "oak-care.txt": CARE });
  const lines = async (question: string) => (await served.ask(question)).answer.split("\n").filter((line) => line.startsWith("- "));

  it("When asked how to do something that numbered steps describe, Then every step is quoted, in order, each with its citation", async () => {
    expect(await lines("How do I install the printer driver?")).toEqual([
      expect.stringMatching(/^- Open the Company Portal on your laptop \[\d\]\.$/),
      expect.stringMatching(/^- Search for the printer driver and click Install \[\d\]\. It takes a minute \[\d\]\.$/),
      expect.stringMatching(/^- Restart your laptop when the portal asks you to \[\d\]\.$/),
    ]);
  });

  it("When the steps are an HTML list introduced by a line ending with a colon, Then that list is quoted, and not the next section's", async () => {
    const answer = (await served.ask("How do I reset my password?")).answer;
    expect(answer.split("\n").filter((line) => line.startsWith("- "))).toEqual([
      expect.stringMatching(/^- Go to reset\.example\.org \[\d\]\.$/),
      expect.stringMatching(/^- Enter your staff number and answer two security questions \[\d\]\.$/),
      expect.stringMatching(/^- Choose a new password of at least 14 characters \[\d\]\.$/),
    ]);
    expect(answer).not.toContain("NW-Guest");
  });

  it("When asked how to install what a README's code block installs, Then its commands are quoted one per line, from Markdown and from HTML <pre>", async () => {
    expect(await lines("How do I install tidewater?")).toEqual([
      expect.stringMatching(/^- git clone https:\/\/example\.org\/tidewater\.git \[\d\]$/),
      expect.stringMatching(/^- cd tidewater \[\d\]$/),
      expect.stringMatching(/^- npm install \[\d\]$/),
    ]);
    // Asked for the command, likewise: without the code lines a table row of settings was answered, confidently.
    expect(await lines("What command installs tidewater?")).toEqual(expect.arrayContaining([expect.stringMatching(/^- npm install \[\d\]$/)]));
    expect(await lines("How do I reset the VPN client?")).toEqual([expect.stringMatching(/^- vpnctl reset \[\d\]$/), expect.stringMatching(/^- vpnctl connect --profile office \[\d\]$/)]);
    // Asked what it is, the commands are no answer.
    expect((await served.ask("What is tidewater?")).answer).not.toMatch(/git clone|npm install/);
  });

  it("When asked what a glossary's term is or means, Then its definition is quoted with the term", async () => {
    expect((await served.ask("What is PTO?")).answer).toContain("PTO: Paid time off: holiday, sick days and personal days together [");
    expect((await served.ask("What does TOIL mean?")).answer).toContain("TOIL: Time off in lieu: hours worked beyond your contract");
  });

  it("When asked how heavy something is, Then the specification naming its weight is found and quoted (no word of the question is in it)", async () => {
    const result = await served.ask("How heavy is it?");
    expect(result.outcome).not.toBe("not_found");
    expect(result.answer).toMatch(/^Weight: 0\.9 kg empty \[\d\]/m);
  });

  it("When asked which version is needed, Then the sentence naming a version answers it, not one that only shares 'need'", async () => {
    const { answer, outcome } = await served.ask("Which Node version do I need?");
    // The requirement is a list item: its section's heading leads it.
    expect(answer).toMatch(/^Requirements \[\d\]:\n- Node\.js 20 or newer/);
    expect(outcome).toBe("answered");
  });

  it("When asked how to do something that a section names and tells in sentences, Then the section is quoted from its start, not its best sentence alone", async () => {
    const answer = (await served.ask("How do I clean the table?")).answer;
    expect(answer).toMatch(/(?:^|: )Wipe with a soft, damp cloth and dry straight away \[\d\]\. Do not use furniture polish sprays/);
  });
});
