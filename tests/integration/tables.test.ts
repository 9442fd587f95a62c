/**
 * Tables in Markdown and HTML, over HTTP with the bundled model: a row is quoted with its cells named by their
 * columns. Before, "| Manchester | 110 pounds |" was quoted as it stands, and an HTML row's cells ran together
 * ("Manchester110 pounds").
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AskResult } from "../../src/answer/ask.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

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
  let server: TestServer;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeCorpus({ "hotels.md": HOTELS, "mileage.html": MILEAGE });
    server = await startTestServer({ corpusDir });
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When a question is answered by a table's row, Then the row is quoted with its cells named by their columns", async () => {
    const ask = async (question: string) => (await (await server.post("/ask", { question })).json()) as AskResult;
    expect((await ask("What is the hotel limit in Manchester?")).answer).toContain("City: Manchester; Limit per night: 110 pounds [1]");
    expect((await ask("What is the mileage rate for a bicycle?")).answer).toContain("Vehicle: Bicycle; Rate per mile: 20p [1]");
  });
});
