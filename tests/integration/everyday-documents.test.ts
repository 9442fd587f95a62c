/**
 * Questions a new user asked of everyday documents, over HTTP with the bundled model: a plain-text warranty whose
 * exclusions are lines without bullets, a shop's contact paragraph, a CLI tool's README, a centre's opening hours, and
 * a school's fine among pages saying "too much" and "grind fine".
 * Each answer had been wrong in a way a reader could be misled by, or had found nothing.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const WARRANTY = `Zenbook Pro Limited Warranty

What this warranty covers
Your laptop is covered against defects in materials and workmanship for 24 months from the date of purchase.

What is not covered
Accidental damage, such as drops or spilled liquids.
Normal wear, such as scratches and worn keys.
Loss or theft.
`;

const SHOP = `<html><head><title>Greenleaf Garden Supplies</title></head><body>
<h1>Frequently asked questions</h1>
<h2>Delivery</h2>
<p>Standard delivery takes 3 to 5 working days. Delivery is free on orders over £50.</p>
<h2>Contact</h2>
<p>Our customer team is available Monday to Saturday, 9am to 5pm, on 0345 600 1234 or at help@greenleaf.example.</p>
<h2>Opening hours</h2>
<p>The shop is open from 9:00 to 17:30 on weekdays and from 10:00 to 16:00 at weekends.</p>
</body></html>`;

const README = `# tallyctl

tallyctl syncs time sheets between Tally and your payroll system.

## Configuration

tallyctl reads its settings from \`~/.tallyctl.toml\`. Run \`tallyctl init\` to create the file.

| Setting | Default | Meaning |
| --- | --- | --- |
| \`api_key\` | none | Your Tally API key, from Settings > API. Required. |
| \`sync_interval\` | 15 | Minutes between automatic syncs. |
`;

describe("everyday documents", () => {
  const served = serveCorpus({ "warranty.txt": WARRANTY, "shop.html": SHOP, "tallyctl.md": README });

  it("When an exclusion is a line of a list without bullets, Then it is quoted under its heading, not as a claim of its own", async () => {
    const result = await served.ask("Is theft covered?");
    expect(result.answer.split("\n").slice(-2)).toEqual(["What is not covered [1]:", "- Loss or theft [1]."]);
  });

  it("When a question asks for an e-mail address the documents give under 'Contact', Then the contact paragraph is quoted", async () => {
    const result = await served.ask("What's your email?");
    expect(result.outcome).not.toBe("not_found");
    expect(result.answer).toContain("help@greenleaf.example");
  });

  it("When a question asks where a file is, Then the sentence giving its path is quoted first, not a row of a table", async () => {
    const result = await served.ask("Where is the config file?");
    expect(result.answer.split("\n").at(-1)).toMatch(/^tallyctl reads its settings from `~\/\.tallyctl\.toml` \[1\]\./);
  });

  it("When a question names a day, Then opening hours for the part of the week it falls in answer it", async () => {
    const result = await served.ask("Are you open on Saturday?");
    // Without "weekend" for Saturday the same sentence was only the closest passage (uncertain, 0.65).
    expect(result.outcome).toBe("answered");
    expect(result.answer).toBe("The shop is open from 9:00 to 17:30 on weekdays and from 10:00 to 16:00 at weekends [1].");
  });
});

const SCHOOL = `Oakfield Primary School: absence

Holidays in term time are not authorised, and a fine of £80 may be issued by the council.
`;

// "much" in five sections, "fine" in six: searched for as a word, "much" is the rarer and its sections come first.
const PLANTS = `# Plant care

${["water", "sun", "fertiliser", "wind", "shade"].map((thing) => `## ${thing}\n\nYellow leaves can mean too much ${thing}.\n`).join("\n")}`;

const GRINDING = `# Grinding coffee

${["espresso", "moka pot", "aeropress", "turkish coffee", "pour-over"].map((method) => `## ${method}\n\nFor ${method}, grind the beans fine. Use freshly roasted beans, weigh them before you start and clean the grinder afterwards.\n`).join("\n")}`;

describe("how much, how many, how long", () => {
  const served = serveCorpus({ "school.txt": SCHOOL, "plants.md": PLANTS, "grinding.md": GRINDING });

  it("When a question asks how much something is, Then keyword search looks for the thing, not for 'much'", async () => {
    const result = await served.ask("How much is the fine?");
    expect(result.outcome).not.toBe("not_found");
    expect(result.answer).toContain("a fine of £80");
  });
});
