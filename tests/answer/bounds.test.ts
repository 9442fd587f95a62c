import { describe, expect, it } from "vitest";
import { namesOtherSide } from "../../src/answer/bounds.js";
import { weighEvidence } from "../../src/answer/evidence.js";
import { passagesOf, TEST_RANKING } from "./passages.js";

describe("sides of a bound", () => {
  it("When a question asks about one side of a bound, Then a text about only the other side names another", () => {
    expect(namesOtherSide("how much is parking after the first 2 hours")("Free for first 2 hrs with validation.")).toBe(true);
    expect(namesOtherSide("bike hire price after the first month")("Members get their first month of bike hire for £5.")).toBe(true);
    expect(namesOtherSide("car park price during the day, before 6")("The car park charges £3.50 after 6pm.")).toBe(true);
    expect(namesOtherSide("What do you charge with turnover over £90,000?")("Sole trader return (turnover up to £90,000): £295")).toBe(true);
    // A minimum or a maximum is a bound as "over" and "up to" are (limit-words.ts, the words every module reads).
    expect(namesOtherSide("delivery charge for orders under £40")("Free delivery on orders of at least £40.")).toBe(true);
    expect(namesOtherSide("price for groups over 10")("Max 10 people per booking: £80.")).toBe(true);
    // A range is bounded on both sides.
    const longer = namesOtherSide("what if I'm in the drop off zone for more than 20 minutes");
    expect(longer("10 to 20 minutes: £10.00")).toBe(true);
    expect(longer("20 to 30 minutes: £25.00")).toBe(false);
    expect(namesOtherSide("fee for groups of more than 10")("Groups of between 5 and 10 people: £60.")).toBe(true);
  });

  it("When a text names the side asked about, or another bound, or the question asks whether, Then it names no other", () => {
    expect(namesOtherSide("What do you charge with turnover over £90,000?")("Turnover over £90,000: £395")).toBe(false);
    expect(namesOtherSide("parking after the first 2 hours")("The first 2 hours are free; after the first 2 hours it is £2 an hour.")).toBe(false);
    expect(namesOtherSide("parking after the first 2 hours")("Free for the first 30 minutes.")).toBe(false);
    expect(namesOtherSide("Can I return it after 30 days?")("Returns are accepted within 30 days.")).toBe(false);
    // A unit that is also a name on every JavaScript object is read as any other word.
    expect(namesOtherSide("price over 5 constructor")("under 5 constructors")).toBe(true);
  });

  it("When a question gives a quantity of the asker's case, Then a text naming only bounds of its unit that it falls outside names another case", () => {
    const room = namesOtherSide("we live 10 miles away, how much would a room at Lantern House cost us?");
    expect(room("Rooms are free of charge for families who live more than 30 miles from the hospital.")).toBe(true);
    expect(room("Rooms cost £20 a night for families within 30 miles.")).toBe(false);
    expect(room("Lantern House has 12 en-suite rooms.")).toBe(false);
    // A bound after its number holds the number itself: "7 or more days" leaves out 5 days, not 7.
    const cancel = namesOtherSide("refund if I cancel 5 days before class");
    expect(cancel("7 or more days before your class or course starts: full refund.")).toBe(true);
    expect(cancel("2–6 days before: studio credit, valid for 12 months.")).toBe(false);
    expect(namesOtherSide("refund if I cancel 7 days before class")("7 or more days before your class starts: full refund.")).toBe(false);
    // Asked whether one may, the bound the asker falls outside is the answer.
    expect(namesOtherSide("my daughter is 15 years old, can she volunteer")("Volunteers must be 16 or over years old.")).toBe(false);
    const group = namesOtherSide("we are a group of 40 people, how much each");
    expect(group("Groups of up to 30 people pay £5 each.")).toBe(true);
    expect(group("Groups of over 30 people pay £4 each.")).toBe(false);
    // A quantity the question compares is a bound, read as above; one asked whether is left out.
    expect(namesOtherSide("can we come if we live 10 miles away")("Rooms are free for families who live more than 30 miles away.")).toBe(false);
  });

  it("When the best sentence speaks of the other side only, Then it lacks the answer asked for", async () => {
    const passages = passagesOf("Library garage: free for the first 2 hrs with validation, £5 a day for permit holders.");
    const [sentence] = await weighEvidence("how much is parking at the library garage after the first 2 hours", passages, { idf: () => 1, ranking: TEST_RANKING });
    expect(sentence!.typeMatch).toBe(false);
  });
});
