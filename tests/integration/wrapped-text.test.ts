/**
 * Plain text and Markdown wrapped to a width (notes, e-mail, a README written at 72 columns), over HTTP with the
 * bundled model: a sentence running over lines is quoted whole, on one line. Before, every line ended a sentence and
 * the answer quoted "… will start on 14 April [1]" without the rest.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const NOTES = `Facilities committee

The committee met on 3 March to discuss the renovation of the north wing.
The contractor, Baxter & Sons, confirmed that work will start on 14 April
and take about eleven weeks. During the works the north entrance will be
closed and staff should use the east entrance instead.

Budget

The approved budget is 480,000 pounds, of which 60,000 is a contingency
reserve. Any spending above the budget needs approval from the finance
committee.
`;

const MINUTES = `# Board minutes

## Catering

The board agreed that the staff canteen will stay open until seven in the
evening from September, and that a vegetarian dish will be served every day.
`;

describe("text wrapped to a width", () => {
  const served = serveCorpus({ "notes.txt": NOTES, "minutes.md": MINUTES });

  it("When a question is answered by a sentence wrapped over lines, Then the whole sentence is quoted on one line, in a .txt and a .md alike", async () => {
    const start = await served.ask("When will the contractor start work?");
    expect(start.answer).toContain("The contractor, Baxter & Sons, confirmed that work will start on 14 April and take about eleven weeks [1].");
    expect(start.citations[0]!.source).toBe("notes.txt");
    const canteen = await served.ask("How late is the staff canteen open?");
    expect(canteen.answer).toContain("The board agreed that the staff canteen will stay open until seven in the evening from September, and that a vegetarian dish will be served every day [1].");
    expect(canteen.citations[0]!.source).toBe("minutes.md");
  });
});
