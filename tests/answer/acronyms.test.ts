import { describe, expect, it } from "vitest";
import { acronymTerms, capitalisedStopWords } from "../../src/answer/acronyms.js";
import { weighEvidence } from "../../src/answer/evidence.js";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { terms } from "../../src/retrieval/tokenize.js";
import { passagesOf } from "./passages.js";

describe("a phrase and its initialism", () => {
  it("When the question spells out a phrase and the text has its initialism in capitals, Then the text holds the phrase's terms", () => {
    const held = acronymTerms("What did the speakers say about artificial intelligence?");
    expect(held("NEMO sees AI as an opportunity for museums.")).toEqual(terms("artificial intelligence"));
    expect(held("The ai of it, said in lower case.")).toEqual([]);
    expect(held("Artificial intelligence, written out.")).toEqual([]);
  });

  it("When the question uses an initialism and the text spells it out, Then the text holds the initialism, stop words skipped", () => {
    const held = acronymTerms("What does NEMO recommend?");
    expect(held("The Network of European Museum Organisations recommends three things.")).toEqual(["nemo"]);
    expect(held("The European network of museums recommends nothing.")).toEqual([]);
  });

  it("When the initials fall across punctuation or on another initialism, Then they spell nothing out", () => {
    const held = acronymTerms("How much does express delivery to the EU cost?");
    expect(held("Service: Express (UK); Cost: £6.95")).toEqual([]);
    expect(held("Shipping to the European Union costs £9.95")).toEqual(["eu"]);
  });

  it("When evidence is weighed, Then a sentence saying AI covers a question about artificial intelligence ", async () => {
    const passages = passagesOf("The forum opened on a sunny day.", "NEMO sees AI as an opportunity for museums.");
    const evidence = await weighEvidence("What did the speakers say about artificial intelligence?", passages, { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    const ai = evidence.find((s) => s.text.includes("AI"))!;
    expect(ai.coverage).toBeGreaterThan(0);
  });

  it("When the question writes a stop word in capitals as an initialism (IT, US), Then it is a term, held only where a text writes it so", async () => {
    expect(capitalisedStopWords("who to contact about IT for the move")).toEqual(["IT"]);
    expect(capitalisedStopWords("who do I contact about it")).toEqual([]);
    const passages = passagesOf(
      "General questions about the move: Sophie Adeyemi, extension 2214",
      "IT equipment and setup: IT Service Desk, extension 2300",
      "It is a short walk from the station.",
    );
    const evidence = await weighEvidence("who to contact about IT for the move", passages, { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    const coverage = (start: string) => evidence.find((s) => s.text.startsWith(start))!.coverage;
    expect(coverage("IT equipment")).toBeGreaterThan(0);
    expect(coverage("It is a short walk")).toBe(0);
  });
});
