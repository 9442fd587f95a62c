import { describe, expect, it } from "vitest";
import { correctSpelling } from "../../src/answer/spelling.js";
import { WordNet } from "../../src/answer/wordnet.js";
import { terms } from "../../src/retrieval/tokenize.js";

const wordnet = WordNet.bundled();

/** IDFs as a keyword index over these document texts gives them: a term no document holds gets the highest. */
function idfOver(...documents: string[]) {
  const held = documents.map((d) => new Set(terms(d)));
  const idf = (term: string) => {
    const df = held.filter((set) => set.has(term)).length;
    return Math.log(1 + (held.length - df + 0.5) / (df + 0.5));
  };
  return idf;
}

/** correctSpelling as the answer stage calls it, over an index of these IDFs. */
const corrected = (question: string, idf: (term: string) => number) => correctSpelling(question, idf, wordnet, async () => idf);

describe("spelling", () => {
  const idf = idfOver(
    "Expense claims are submitted within 60 days. Travel expenses are reimbursed.",
    "The guest network password changes every Monday.",
    "Full-time employees receive 25 days of paid annual leave, plus public holidays.",
  );

  it("When a word is misspelt, Then it is searched as the word one edit away that the documents use, its capital kept", async () => {
    expect(await corrected("expences deadline", idf)).toBe("expenses deadline");
    expect(await corrected("What is the guest wifi pasword?", idf)).toBe("What is the guest wifi password?");
    expect(await corrected("Holliday days?", idf)).toBe("Holiday days?");
  });

  it("When a word is English or the documents use it, Then it is left as it is, even one edit away from a word they use", async () => {
    // "gym" is a word the documents do not use: it must be found missing, not searched as something else.
    expect(await corrected("Is there a gym membership?", idf)).toBe("Is there a gym membership?");
    // "expanses" is English, one edit from "expenses".
    expect(await corrected("open expanses", idf)).toBe("open expanses");
    // A name or a misspelling with no word of the documents one edit away stays.
    expect(await corrected("Who is Havu? probation lenght", idf)).toBe("Who is Havu? probation lenght");
    // Nor is a name the documents do not use taken for someone's name they do use ("Crosby" is a person in WordNet)…
    const withNames = idfOver("Bing Crosby sang it. Christmas is in December.", "Another text.");
    expect(await corrected("the cosby show", withNames)).toBe("the cosby show");
    // …while a place or a day is a word like any other.
    expect(await corrected("first chrismas tree", withNames)).toBe("first christmas tree");
  });
});
