import { describe, expect, it } from "vitest";
import { terms } from "../../src/retrieval/tokenize.js";

describe("terms", () => {
  it("When a timetable writes a day short, beside a time or another day, Then it is that day; a capital word elsewhere is itself", () => {
    expect(terms("Fri 3:00 pm")).toEqual(terms("Friday 3:00 pm"));
    expect(terms("Mon-Thu")).toEqual(terms("Monday-Thursday"));
    expect(terms("Sat & Sun")).toEqual(terms("Saturday & Sunday"));
    expect(terms("I sat the exam")).toEqual(terms("I sit the exam"));
    expect(terms("Sun cream")).not.toContain(terms("Sunday")[0]);
  });

  it("When a compound is hyphenated with a short or numbered part or a particle, Then it is also a term joined, after its parts, so the way people type it finds it", () => {
    expect(terms("Wi-Fi network")).toEqual(["wi", "fi", "wifi", "network"]);
    expect(terms("wifi")).toEqual(["wifi"]);
    expect(terms("e-mail")).toContain(terms("email")[0]);
    expect(terms("log-in page")).toEqual(["log", "login", "page"]);
    expect(terms("IL‑6 levels")).toEqual(["il", "6", "il6", "level"]);
    // A particle is a stop word: "check-out" is "check" and "checkout", and "checkout time" finds it.
    expect(terms("check-out time")).toEqual(["check", "checkout", "time"]);
    expect(terms("checkout")).toEqual(["checkout"]);
  });

  it("When a question says something, anything or anyone, Then that is no term: no answer says it", () => {
    expect(terms("How long do I have to return something?")).toEqual(terms("How long do I have to return?"));
    expect(terms("Can anyone bring anything?")).toEqual(terms("bring"));
    // Nor are the words a chat message is filled with.
    expect(terms("do you guys actually open on Sundays")).toEqual(terms("open Sundays"));
    expect(terms("what happens if I'm running late")).toEqual(terms("running late"));
  });

  it("When a question uses a contraction, Then it has the words of its long form: no 'm' in 'I'm', no 'don' in 'don't', no 'win' in 'won't'", () => {
    expect(terms("Can I take ibuprofen if I'm pregnant?")).toEqual(terms("Can I take ibuprofen if I am pregnant?"));
    expect(terms("What if you're late and don't have ID?")).toEqual(terms("What if you are late and do not have ID?"));
    expect(terms("It won't start, I've tried, I'll call, I'd wait, they’re gone")).toEqual(["start", "try", "call", "wait", "go"]);
    expect(terms("who won the cup")).toEqual(terms("who win the cup"));
    // A name's apostrophe is no contraction.
    expect(terms("O'Donnell's report")).toEqual(["o", "donnel", "report"]);
  });

  it("When a compound's parts are long words or numbers alone, Then it is only its parts", () => {
    expect(terms("well-known author")).toEqual(["well", "know", "author"]);
    expect(terms("the 2019-2020 season, call 0113-496-0000")).toEqual(["2019", "2020", "season", "call", "0113", "496", "0000"]);
  });

  it("When a word is an irregular past form or plural, Then its term is its base's, so the question's form finds the document's", () => {
    expect(terms("Children under 12 enter free")[0]).toBe(terms("child")[0]);
    expect(terms("men and women")).toEqual([...terms("man"), ...terms("woman")]);
    expect(terms("It took place in Cairo")[0]).toBe(terms("take")[0]);
    expect(terms("Memberships can be frozen")[1]).toBe(terms("freeze")[0]);
    expect(terms("it arrived broken")[1]).toBe(terms("break")[0]);
    // Each form maps to its own verb: "write" is not "win", nor "caught" "buy" (a line of the table once ran into the next).
    expect(terms("write caught halves")).toEqual([...terms("write"), ...terms("catch"), ...terms("half")]);
    // A word of how often is its period: "a fixed monthly payment" answers "how much each month".
    expect(terms("monthly weekly annual yearly")).toEqual([...terms("month"), ...terms("week"), ...terms("year"), ...terms("year")]);
    // A plural that is also a verb keeps its own term: "she lives in Leeds" is no "life".
    expect(terms("lives")).not.toEqual(terms("life"));
  });

  it("When a short verb's form is one the stemmer cuts apart from its base, Then its term is its base's", () => {
    expect(terms("The last hire goes out at 4:30pm")[2]).toBe(terms("go")[0]);
    expect(terms("tried tries dried died lying tied")).toEqual(terms("try try dry die lie tie"));
    // "skies" is the sky, not the sport; "buses" the bus.
    expect(terms("skies")).not.toEqual(terms("ski"));
    expect(terms("buses")).toEqual(terms("bus"));
    // A word that is also a name on every JavaScript object is a word like any other.
    expect(terms("constructor")).toEqual(terms("constructors"));
  });
});
