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

const BIKE_HIRE = `# Riverside Bike Hire: Terms and Conditions

## Prices

| Bike | Half day | Full day |
| --- | --- | --- |
| City bike | £12 | £20 |
| Electric bike | £25 | £40 |

## Deposit and identification

A deposit of £100 is taken by card for each electric bike and £50 for any other bike. You must show photo identification, such as a passport or driving licence, when you collect the bike.

## Late returns and damage

Bikes returned after closing time are charged an extra half day. If a bike is lost or stolen, the hirer pays the full replacement cost, up to £1,200 for an electric bike.
`;

describe("short forms and sums in words", () => {
  const served = serveCorpus({ "bike-hire.md": BIKE_HIRE, "school.txt": SCHOOL, "plants.md": PLANTS });

  it("When a question writes a short form ('ID', 'e-bike'), Then the sentence spelling it out answers it", async () => {
    // Before, "ID" was no word of any document: the deposit's sentence came back as the closest passage (uncertain, 0.39).
    const id = await served.ask("Do I need ID?");
    expect(id.answer).toContain("You must show photo identification");
    // And "e-bike" was found only through "bike", its "e" weighing as much as a word no document holds (uncertain, 0.40).
    const ebike = await served.ask("How much is the e-bike deposit?");
    expect(ebike.outcome).toBe("answered");
    expect(ebike.answer).toMatch(/^A deposit of £100 is taken by card for each electric bike/);
  });

  it("When a sum is said as what is charged ('charged an extra half day'), Then it answers a question asking for the fee, not a sum of another thing beside it", async () => {
    const result = await served.ask("late return fee");
    expect(result.answer).toMatch(/^Bikes returned after closing time are charged an extra half day \[1\]\./);
  });
});

const LEAFLET = `Package leaflet: Ibuprofen 200 mg tablets

What Ibuprofen is and what it is used for
Ibuprofen belongs to a group of medicines called non-steroidal anti-inflammatory drugs (NSAIDs). It is used to relieve headache, dental pain, period pain, muscular pain, fever and the symptoms of colds and flu.

Do not take Ibuprofen
- if you are allergic to ibuprofen or to aspirin
- if you have ever had a stomach ulcer or bleeding
- if you are in the last three months of pregnancy
- if you have severe heart, liver or kidney failure

How to take Ibuprofen
Adults and children over 12 years: take one or two tablets with water, up to three times a day. Leave at least four hours between doses. Do not take more than six tablets in 24 hours. Take the tablets with or after food. Do not give to children under 12 years.
If your symptoms last more than 10 days, talk to your doctor.

If you take more Ibuprofen than you should
Contact a doctor or the nearest hospital emergency department straight away, even if you feel well.

Possible side effects
Common side effects include stomach pain, heartburn and nausea. Stop taking the tablets and see a doctor at once if you notice blood in your stools, black tarry stools or vomit blood.

How to store Ibuprofen
Store below 25°C in the original package. Keep out of the sight and reach of children. Do not use after the expiry date printed on the carton.
`;

describe("contractions", () => {
  const served = serveCorpus({ "ibuprofen.txt": LEAFLET, "bike-hire.md": BIKE_HIRE });

  it("When a question says \"I'm\", Then it is asked as \"I am\": the sentence about pregnancy is quoted for \"Can I take ibuprofen if I'm pregnant?\"", async () => {
    // "I'm" had been the term "m", which no document holds: the rarest word of the question, all but its whole weight,
    // and the dosage alone came back as the closest passage (uncertain, 0.14). The list item is now quoted after it.
    const result = await served.ask("Can I take ibuprofen if I'm pregnant?");
    expect(result.answer).toContain("if you are in the last three months of pregnancy");
  });
});

const DENTAL = `<html><head><title>Brookside Dental Practice</title></head><body><main>
<h1>Brookside Dental Practice</h1>
<h2>Emergencies</h2>
<p>If you have severe toothache, swelling or bleeding that will not stop, call us on 01233 555 019 as soon as we open. We keep emergency appointments free every morning. Outside opening hours, call NHS 111.</p>
<h2>Missed appointments</h2>
<p>Please give us at least 24 hours' notice if you cannot attend. If you miss two appointments without notice within a year, we may remove you from our list.</p>
</main></body></html>`;

describe("phrasal verbs", () => {
  const served = serveCorpus({ "dental.html": DENTAL, "bike-hire.md": BIKE_HIRE });

  it("When a question asks with a phrasal verb ('call off'), Then a sentence saying the verb alone ('call us on …') is no confident answer", async () => {
    // It had been answered (0.87) with the emergencies' "call us on 01233 555 019".
    const result = await served.ask("Can I call off my appointment?");
    expect(result.outcome).not.toBe("answered");
  });
});

const BOILER_SAFETY = `THERMACORE COMBI BOILER USER GUIDE

Please read this guide and keep it near the boiler. Installation, servicing and
repairs must only be carried out by a Gas Safe registered engineer.

------------------------------------------------------------------------
1. SAFETY FIRST
------------------------------------------------------------------------

IF YOU SMELL GAS:
  - Do not use light switches, electrical appliances or naked flames.
  - Open doors and windows.
  - Turn off the gas supply at the meter (the emergency control valve).
  - Leave the property and call the National Gas Emergency Service on
    0800 111 999, free, 24 hours a day.

Carbon monoxide (CO) can kill. Fit an audible CO alarm in the same room as
the boiler.
`;

describe("lists introduced by a line", () => {
  const served = serveCorpus({ "boiler.txt": BOILER_SAFETY });

  it("When the line introducing a list is quoted after another sentence, Then its items come with it, an item wrapped onto an indented line whole", async () => {
    const result = await served.ask("I can smell gas near the boiler, what should I do?");
    // Before: "IF YOU SMELL GAS: Installation, servicing and repairs must …", its list left out; and the last item ended at
    // "Service on", its number on the next line read as a sentence of its own.
    expect(result.answer).toContain("IF YOU SMELL GAS [");
    expect(result.answer).toContain("- Leave the property and call the National Gas Emergency Service on 0800 111 999, free, 24 hours a day [");
  });
});
