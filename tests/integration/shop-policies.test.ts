/**
 * An online shop's policy pages over HTTP with the bundled model, asked what its customers ask. Before, "How long does
 * a refund take?" was answered confidently with the time allowed to start a return: the question's "take" was found in
 * that sentence's "return" (a noun sense of "take" in WordNet, as a box office's take), while the sentence saying how
 * long refunds take holds no "take" at all.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const RETURNS = `# Returns and refunds

We want you to love what you ordered. If you don't, you can send it back.

## How long do I have?

You have 30 days from the day your order arrives to start a return. Sale items can be returned within 14 days.

## Refunds

Once your parcel reaches our warehouse in Leicester, we check it within 3 working days. Refunds go back to the original payment method and usually show up within 5–7 working days.
`;

const DELIVERY = `# Delivery

| Service | Cost | Delivery time |
| --- | --- | --- |
| Standard (UK) | £3.95, free over £50 | 3–5 working days |
| Express (UK) | £6.95 | Next working day if ordered before 2pm |

Orders are packed at our warehouse in Leicester from Monday to Friday.
`;

const FILTER = `AquaPure 300 water filter jug

Specifications
Capacity: 3 litres
Filter life: 2 months or 150 litres, whichever comes first
`;

describe("how long something takes or lasts", () => {
  const served = serveCorpus({ "returns.md": RETURNS, "delivery.md": DELIVERY, "aquapure.txt": FILTER });

  it("When asked how long something takes, Then the sentence saying how long that thing takes is quoted first, not another duration", async () => {
    const refund = await served.ask("How long does a refund take?");
    expect(refund.answer).toMatch(/^(?:The documents may not answer this directly\. The closest passage says: )?Refunds go back/);
    const express = await served.ask("How long does express take?");
    expect(express.answer).toContain("Next working day");
    expect(express.answer).not.toContain("30 days");
  });

  it("When asked how long something lasts, Then what the documents say of its life answers it", async () => {
    expect((await served.ask("How long does the filter last?")).answer).toContain("2 months or 150 litres");
  });
});

const GYM = `<html><head><title>Membership terms</title></head><body><h1>Membership terms</h1>
<h2>Memberships and prices</h2>
<table><tr><th>Membership</th><th>Monthly</th><th>Includes</th></tr>
<tr><td>Off-peak</td><td>£22</td><td>Gym and pool, weekdays before 4pm and weekends</td></tr>
<tr><td>Full</td><td>£34</td><td>Gym, pool and all classes, any time</td></tr>
<tr><td>Student</td><td>£18</td><td>Gym and pool, any time, with a valid student card</td></tr></table>
</body></html>`;

describe("a table's rows", () => {
  const served = serveCorpus({ "gym-terms.html": GYM });

  it("When a question joins what two rows say, Then neither row answers it confidently", async () => {
    // The off-peak row names no classes; the full row's classes are not the off-peak membership's.
    const result = await served.ask("Does the off-peak membership include classes?");
    expect(result.answer).toContain("Off-peak");
    expect(result.outcome).toBe("uncertain");
  });
});

const SHIPPING = `# Delivery

| Service | Cost | Delivery time |
| --- | --- | --- |
| Standard (UK) | £3.95, free over £50 | 3–5 working days |
| Express (UK) | £6.95 | Next working day if ordered before 2pm |
| EU | £9.95 | 5–10 working days |

We do not ship outside the UK and the EU.
`;

describe("a table's record", () => {
  const served = serveCorpus({ "delivery.md": SHIPPING });

  it("When a question names what one row is about, Then that row answers it", async () => {
    const result = await served.ask("How much is delivery to the EU?");
    expect(result.outcome).toBe("answered");
    expect(result.answer).toMatch(/^Service: EU; Cost: £9\.95/);
  });

  it("When a question names what two rows are about, Then neither answers it confidently, though the prose mentions both", async () => {
    // Express is the UK's; the EU has a row of its own. The page's "the UK and the EU" is no row's context.
    const result = await served.ask("How much does express delivery to the EU cost?");
    expect(result.outcome).toBe("uncertain");
    expect(result.answer).toContain("£9.95");
  });
});
