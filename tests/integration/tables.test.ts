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
