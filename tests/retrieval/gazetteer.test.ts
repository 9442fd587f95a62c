import { describe, expect, it } from "vitest";
import { expectedAnswerType, holdsAnswerType } from "../../src/answer/answer-type.js";
import { namesCountry, withCountriesOfDemonyms } from "../../src/retrieval/gazetteer.js";

describe("gazetteer", () => {
  it("When a question names people by their country, Then the country is added for keyword search, once, and other questions are unchanged", () => {
    expect(withCountriesOfDemonyms("Who is the Nigerian panellist?")).toBe("Who is the Nigerian panellist? Nigeria");
    expect(withCountriesOfDemonyms("Which Egyptian museum took part, and was it Egyptian-led?")).toBe("Which Egyptian museum took part, and was it Egyptian-led? Egypt");
    expect(withCountriesOfDemonyms("Which museum in Nigeria is Nigerian-run?")).toBe("Which museum in Nigeria is Nigerian-run?");
    expect(withCountriesOfDemonyms("Which American city hosts it?")).toBe("Which American city hosts it? United States");
    expect(withCountriesOfDemonyms("Which American city in the United States hosts it?")).toBe("Which American city in the United States hosts it?");
    expect(withCountriesOfDemonyms("When was the forum held?")).toBe("When was the forum held?");
  });

  it("When a text names a country (one word or several) or its people, Then it names a country; a city or a month does not", () => {
    expect(namesCountry("It took place in Hangzhou, China.")).toBe(true);
    expect(namesCountry("the Grand Egyptian Museum")).toBe(true);
    expect(namesCountry("She moved to the United Kingdom.")).toBe(true);
    expect(namesCountry("It took place in Hangzhou in April.")).toBe(false);
  });

  it("When a question asks which country, Then only a sentence naming a country holds that kind of answer", () => {
    expect(expectedAnswerType("In which country was the UNESCO forum?")).toBe("country");
    expect(expectedAnswerType("Which country is Gehane Nabil from?")).toBe("country");
    expect(expectedAnswerType("Which city hosted the forum?")).toBe("place");
    expect(holdsAnswerType("Gehane Nabil (Director, Grand Egyptian Museum Learning Center)", "country")).toBe(true);
    expect(holdsAnswerType("The forum was held in Hangzhou.", "country")).toBe(false);
  });
});
