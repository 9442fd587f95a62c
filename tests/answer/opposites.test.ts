import { describe, expect, it } from "vitest";
import { namesOpposite } from "../../src/answer/opposites.js";
import { WordNet } from "../../src/answer/wordnet.js";

const opposite = namesOpposite(WordNet.bundled());

describe("opposites", () => {
  it("When a question names one of two opposites, Then a text naming only the other answers for another record", () => {
    const external = opposite("overnight NMR rate for external users");
    expect(external("Overnight bookings on the NMR spectrometer are charged at a flat rate of $60 per night for internal users.")).toBe(true);
    expect(external("External users pay $95 per night.")).toBe(false);
    expect(external("Internal users pay $60 and external users $95.")).toBe(false);
    expect(external("Overnight bookings cost $60 per night.")).toBe(false);
    expect(opposite("What is the maximum age for the course?")("The minimum age is 8.")).toBe(true);
    // After a determiner a word names which thing is meant, though it is a verb as well and the question asks whether.
    const longStay = opposite("can I park free in the long stay car park with my blue badge");
    expect(longStay("Blue Badge parking bays are on Level 0 of the Short Stay car park.")).toBe(true);
    expect(longStay("Long stay parking is free for Blue Badge holders.")).toBe(false);
  });

  it("When a question names a word the text has only with un- or non- before it, Then the text answers for another record", () => {
    const covered = opposite("covered parking space monthly price");
    expect(covered("Uncovered outdoor parking spaces for vehicles, boats, and trailers are available at $85 per month.")).toBe(true);
    expect(covered("Covered parking spaces are $120 per month; uncovered ones $85.")).toBe(false);
    expect(opposite("which rooms are heated")("The unheated garden room is free to hire.")).toBe(true);
    // Not where the question itself negates the word, nor a short word inside a longer one ("unit").
    expect(opposite("what if I'm not happy with the repair")("If you are unhappy with a repair, tell us within 14 days.")).toBe(false);
    expect(opposite("where is it kept")("Each unit is kept locked.")).toBe(false);
  });

  it("When a question asks whether, or names both opposites, or has no thesaurus, Then nothing is another record", () => {
    // "Is the lake open on Mondays?" is answered by "Monday: Closed".
    expect(opposite("Is the lake open on Mondays?")("Monday: Closed")).toBe(false);
    expect(opposite("rates for internal and external users")("Internal users pay $60.")).toBe(false);
    // A word that is a verb as well is seldom asked as an adjective: "shut" asks when it closes.
    expect(opposite("what time does the leisure centre shut on a sunday")("Day: Sunday; Opening hours: 8:00am – 6:00pm")).toBe(false);
    expect(namesOpposite(undefined)("overnight NMR rate for external users")("for internal users")).toBe(false);
    // The adjective after "how" asks for a degree: "a small raised stage" says how big the stage is.
    expect(opposite("how big is the stage in the parish hall")("Stage – a small raised stage at the east end.")).toBe(false);
  });
});
