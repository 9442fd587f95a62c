/**
 * Tables in Markdown and HTML, over HTTP with the bundled model: a row is quoted with its cells named by their
 * columns. Before, "| Manchester | 110 pounds |" was quoted as it stands, and an HTML row's cells ran together
 * ("Manchester110 pounds").
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const HOTELS = `# Hotel limits

The maximum hotel rates per night are:

| City | Limit per night |
| --- | --- |
| London | 140 pounds |
| Manchester | 110 pounds |
`;

const MILEAGE = `<html><head><title>Mileage rates</title></head><body><main><h1>Mileage rates</h1><table>
<tr><th>Vehicle</th><th>Rate per mile</th></tr><tr><td>Car</td><td>45p</td></tr><tr><td>Bicycle</td><td>20p</td></tr>
</table></main></body></html>`;

describe("tables", () => {
  const served = serveCorpus({ "hotels.md": HOTELS, "mileage.html": MILEAGE });

  it("When a question is answered by a table's row, Then the row is quoted with its cells named by their columns", async () => {
    expect((await served.ask("What is the hotel limit in Manchester?")).answer).toContain("City: Manchester; Limit per night: 110 pounds [1]");
    expect((await served.ask("What is the mileage rate for a bicycle?")).answer).toContain("Vehicle: Bicycle; Rate per mile: 20p [1]");
  });
});

const PLANS = `# Notely: Plans and billing FAQ

## Which plans are there?

| Plan | Price per user per month | Storage | Version history |
| --- | --- | --- | --- |
| Free | £0 | 2 GB | 7 days |
| Plus | £4 | 100 GB | 90 days |
| Business | £9 | 1 TB | unlimited |

All plans include unlimited notes and the mobile apps for iOS and Android.
`;

describe("a table's other records", () => {
  const served = serveCorpus({ "plans.md": PLANS, "hotels.md": HOTELS });

  it("When a row answers, Then neither the table's header nor the rows of other records are quoted after it", async () => {
    const result = await served.ask("How much storage does Business have?");
    // Before: "Plan | Price per user per month | Storage | Version history [1]" (the header), or the Free plan's row.
    expect(result.answer).toBe("Plan: Business; Price per user per month: £9; Storage: 1 TB; Version history: unlimited [1]");
  });
});

// Long enough to be cut into chunks of 480 characters: the motorcycle's row is in a later chunk than the header.
const RATES = `# Travel and expenses policy

## Allowances and rates

| Item | Rate | Notes |
|---|---|---|
| Breakfast (if not included in hotel) | £8.50 | Only when leaving home before 6:30 am |
| Lunch | £12.00 | Only on trips of more than 5 hours |
| Evening meal | £28.00 | Only when staying overnight or returning after 8:00 pm |
| Overnight incidentals | £5.00 per night | No receipt needed |
| Mileage, own car — first 10,000 miles in the tax year | 45p per mile | Business miles only |
| Mileage, own car — above 10,000 miles | 25p per mile | |
| Mileage, motorcycle | 24p per mile | |
| Mileage, bicycle | 20p per mile | |
| Passenger supplement | 5p per mile per passenger | Passenger must be a colleague on the same business trip |

Meal limits are per person, per meal, and cannot be added together or moved between days.
`;

const FAULT_CODES = `THERMACORE COMBI BOILER USER GUIDE

------------------------------------------------------------
4. FAULT CODES
------------------------------------------------------------

  Code   Meaning                              What you can do
  ----   ----------------------------------   ---------------------------
  F22    Low water pressure                   Top up the pressure
  F28    No ignition / gas not reaching       Check other gas appliances;
         the boiler                           then reset once
  F61    Control board fault                  Call an engineer
`;

describe("a long table", () => {
  const served = serveCorpus({ "expenses.md": RATES, "boiler.txt": FAULT_CODES });

  it("When a row is in a later passage than the table's header, Then its cells are still named by the header, and an empty cell is left out", async () => {
    const result = await served.ask("What is the mileage rate for a motorcycle?");
    // Before: "Mileage, own car — above 10,000 miles: Mileage, motorcycle; 25p per mile: 24p per mile" (the passage's
    // first row read as the header), or "…; Notes [1]:" introducing the rows after it as a list.
    expect(result.answer).toContain("Item: Mileage, motorcycle; Rate: 24p per mile [1]");
    expect(result.answer).not.toContain("Notes");
  });

  it("When plain text sets a table out in columns, Then a row is quoted with its cells named, whatever other row names the document's subject", async () => {
    const result = await served.ask("My boiler shows F22, what does that mean?");
    // Before: "F22    Low water pressure   Top up the pressure F28 No ignition …" as one sentence.
    expect(result.answer).toContain("Code: F22; Meaning: Low water pressure; What you can do: Top up the pressure [1]");
    expect(result.answer).not.toContain("F28");
  });
});

// Long enough that the A level row is in a later chunk than the header, and prose beside the table speaks of the rates.
const FEES = `# Tutoring terms

## Lesson fees

Lessons are charged by the hour at the rates set out below. Lessons shorter than one hour are charged pro rata.

| Level | In person (per hour) | Online (per hour) |
| --- | --- | --- |
| Primary (Key Stages 1 and 2) | £38 | £33 |
| 11+ and independent school entrance preparation | £52 | £47 |
| Key Stage 3 (Years 7 to 9) | £42 | £37 |
| GCSE and IGCSE | £48 | £43 |
| Adult learners and professional examinations | £60 | £55 |
| Music theory (Grades 1 to 5) | £40 | £35 |
| Music theory (Grades 6 to 8) | £46 | £41 |
| A level and IB | £56 | £51 |

Tutors travelling more than 10 miles may charge a travel supplement, agreed in advance.
`;

describe("a long table's later rows, searched for by their header's words", () => {
  const served = serveCorpus({ "tutoring.md": FEES });

  it("When a query names a column and a row, Then keyword search finds the chunk holding the row, its header indexed with it", async () => {
    const response = await served.server().post("/search", { query: "A level and IB online per hour", k: 1, mode: "keyword" });
    const { results } = (await response.json()) as { results: { text: string }[] };
    // Before: the chunk with the header and the prose about rates, the row's chunk holding neither "online" nor "hour".
    expect(results[0]!.text).toContain("| A level and IB | £56 | £51 |");
    expect(results[0]!.text).not.toContain("Online (per hour)");
  });
});
