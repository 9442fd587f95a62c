import { describe, expect, it } from "vitest";
import { terms } from "../../src/retrieval/tokenize.js";

describe("terms", () => {
  it("When a compound is hyphenated with a short or numbered part, Then it is also a term joined, after its parts, so the way people type it finds it", () => {
    expect(terms("Wi-Fi network")).toEqual(["wi", "fi", "wifi", "network"]);
    expect(terms("wifi")).toEqual(["wifi"]);
    expect(terms("e-mail")).toContain(terms("email")[0]);
    expect(terms("log-in page")).toEqual(["log", "login", "page"]);
    expect(terms("IL‑6 levels")).toEqual(["il", "6", "il6", "level"]);
  });

  it("When a compound's parts are long words or numbers alone, Then it is only its parts", () => {
    expect(terms("well-known author")).toEqual(["well", "know", "author"]);
    expect(terms("the 2019-2020 season, call 0113-496-0000")).toEqual(["2019", "2020", "season", "call", "0113", "496", "0000"]);
  });
});
