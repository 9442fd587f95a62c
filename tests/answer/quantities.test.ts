import { describe, expect, it } from "vitest";
import { weighEvidence } from "../../src/answer/evidence.js";
import { namesAnotherQuantity } from "../../src/answer/quantities.js";
import { passagesOf, TEST_RANKING } from "./passages.js";

describe("counts a question gives", () => {
  it("When a question gives a count of a thing, Then a text giving only another count of it names another, a text giving that count or a limit does not", () => {
    const van = namesAnotherQuantity("price of a 12 seat passenger van per day");
    expect(van("Class: Premium SUV; Seats: 8; Daily rate: $119")).toBe(true);
    expect(van("The 8-seat minibus costs $99 a day.")).toBe(true);
    expect(van("Passenger Vans (12 seats) are available at selected locations.")).toBe(false);
    expect(van("Vans with up to 15 seats need a special licence.")).toBe(false);
    expect(van("Minibuses seat 8–16 passengers.")).toBe(false);
    expect(van("Daily rate: $119")).toBe(false);
    const flat = namesAnotherQuantity("rent for the 2-bedroom flat");
    expect(flat("3 bedroom flats: £1,200 a month")).toBe(true);
    expect(flat("1 bedroom: £800; 2 bedrooms: £950")).toBe(false);
    // An ordinal counts its thing too: the 16th century is another than the 20th.
    expect(namesAnotherQuantity("what changed in the 20th century")("In the 16th century the city grew.")).toBe(true);
    // A count ending a label is the label's, and the value after it is no count of it.
    const empty = namesAnotherQuantity("empty house 6 years premium");
    expect(empty("empty for between 5 and 10 years: 200% premium")).toBe(false);
    expect(empty("Empty for years: 2")).toBe(true);
    // A unit of measure written on to its number counts it too.
    const ply = namesAnotherQuantity("price of 6mm birch ply in the materials shop");
    expect(ply("3 mm birch ply, 600 x 400 mm sheet: $4.00")).toBe(true);
    expect(ply("6 mm birch ply: $6.00")).toBe(false);
    expect(namesAnotherQuantity("price of 6 mm birch ply")("6mm birch ply: $6.00")).toBe(false);
  });

  it("When a question asks whether, or gives no count, Then no text names another", () => {
    expect(namesAnotherQuantity("Can I bring 3 guests?")("Members may bring 2 guests.")).toBe(false);
    expect(namesAnotherQuantity("how much is the van")("Seats: 8")).toBe(false);
  });

  it("When the best sentence gives only another count of the thing asked about, Then it lacks the answer asked for", async () => {
    const passages = passagesOf("The Premium SUV (Seats: 8) costs $119 per day.", "Our 12-seat van costs $139 per day.");
    const evidence = await weighEvidence("price of a 12 seat van per day", passages, { idf: () => 1, ranking: TEST_RANKING });
    expect(evidence.find((s) => s.text.includes("SUV"))!.typeMatch).toBe(false);
    expect(evidence.find((s) => s.text.includes("van"))!.typeMatch).toBe(true);
  });
});
