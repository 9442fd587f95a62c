import { describe, expect, it } from "vitest";
import { ABSTENTION_MESSAGE, type Passage } from "../../src/answer/types.js";
import { askedAction, expectedAnswerType, holdsAnswerType, namesAnotherRole } from "../../src/answer/answer-type.js";
import { chunkSentences } from "../../src/answer/chunk-sentences.js";
import { asksForWhatIsPublished, defersElsewhere } from "../../src/answer/deferrals.js";
import { bestSentence, sentenceFeatures, weighEvidence, type SentenceSimilarity } from "../../src/answer/evidence.js";
import { ExtractiveAnswerer, extractiveDraft, pickSentences } from "../../src/answer/extractive.js";
import { verifyCitations } from "../../src/answer/verify-citations.js";
import { assessmentOf, passagesOf, TEST_RANKING } from "./passages.js";
import { words } from "../../src/retrieval/tokenize.js";
import { BUNDLED_CALIBRATION } from "../../src/config.js";

const idf = () => 1;

describe("evidence and the extractive answer", () => {
  it("When two documents hold the same sentence, Then it is quoted once, from the first; one document's repeated step stays", async () => {
    const [school, copy] = passagesOf("A fine of £80 may be issued by the council.", "A fine of  £80 may be issued by the council.");
    const passages = [school!, { ...copy!, chunk: { ...copy!.chunk, source: "copy.txt" } }];
    const evidence = await weighEvidence("Who issues the fine?", passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences("Who issues the fine?", evidence).map((s) => s.source)).toEqual(["doc.txt"]);
    const [steps] = passagesOf("1. Press OK.\n2. Enter the code.\n3. Press OK.");
    const procedure = await weighEvidence("How do I enter the code?", [steps!], { idf, ranking: TEST_RANKING });
    expect(pickSentences("How do I enter the code?", procedure).map((s) => s.text)).toEqual(["Press OK.", "Enter the code.", "Press OK."]);
  });

  it("When the quoted sentence ends with an abbreviation's dot, Then the citation follows the dot and the time stays whole", async () => {
    const [passage] = passagesOf("On Thursdays the cafe is open from 10 a.m. to 8 p.m.");
    const evidence = await weighEvidence("When does the cafe close on Thursdays?", [passage!], { idf, ranking: TEST_RANKING });
    expect(extractiveDraft("When does the cafe close on Thursdays?", evidence, false, "extractive").answer).toBe("On Thursdays the cafe is open from 10 a.m. to 8 p.m. [1]");
    expect(verifyCitations("The cafe closes at 8 p.m. [1]", [passage!]).answer).toBe("The cafe closes at 8 p.m. [1]");
  });

  it("When the best sentence is followed by an introduction too short to name its list ('You can:'), Then the list is quoted with it", async () => {
    const [passage] = passagesOf(
      "If something happens that makes you feel unsafe, please reach out. You can:\n- find any staff member in an orange T-shirt;\n- contact our Safety Lead, Jordan Mercer, on (414) 555-0172.\n\nOur code of conduct applies to all event spaces.",
    );
    const question = "someone is making me feel unsafe at the event, what should I do";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    expect(pickSentences(question, evidence).map((s) => s.text)).toEqual([
      "If something happens that makes you feel unsafe, please reach out.",
      "You can:",
      "find any staff member in an orange T-shirt;",
      "contact our Safety Lead, Jordan Mercer, on (414) 555-0172.",
    ]);
  });

  it("When the best sentence introduces a block of code with a colon, Then the code is quoted with it, though the question is no how-to; code no sentence introduces is not", async () => {
    const [passage] = passagesOf(
      'If your project still uses `require()`, change the import path:\n\n```js\nconst { load } = require("strata-config/cjs");\n```\n\nThe default export was removed.\n\n```js\nconst config = loadSync("config.yml");\n```',
    );
    const question = "can I still use require() with version 4";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    const quoted = pickSentences(question, evidence).map((s) => s.text);
    expect(quoted[0]).toBe("If your project still uses `require()`, change the import path:");
    expect(quoted).toContain('const { load } = require("strata-config/cjs");');
    expect(evidence.map((s) => s.text)).not.toContain('const config = loadSync("config.yml");');
  });

  it("When a sentence points back ('It is conducted by …'), Then it is weighed with the sentence before it, and quoted after it", async () => {
    const [passage] = passagesOf(
      'Every new dog must complete a free temperament evaluation, which we call a "Meet & Sniff", before attending. It is conducted by our Behavior Lead, Marcus Delgado.',
    );
    const question = "Who does the temperament evaluation?";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    const conducted = evidence.find((s) => s.text.startsWith("It is conducted"))!;
    expect(conducted.coverage).toBeGreaterThan(0);
    expect(conducted.typeMatch).toBe(true);
    expect(extractiveDraft(question, [conducted], false, "extractive").answer).toContain("Marcus Delgado");
    // Back over a sentence that points back in turn, to the one naming what both are about.
    const [chained] = passagesOf('Every new dog must complete a free temperament evaluation. It lasts about 3 hours. It is conducted by Marcus Delgado.');
    const weighed = await weighEvidence(question, [chained!], { idf, ranking: TEST_RANKING });
    const byDelgado = weighed.find((s) => s.text.startsWith("It is conducted"))!;
    expect(byDelgado.coverage).toBeGreaterThan(0);
    expect(pickSentences(question, [byDelgado, ...weighed.filter((s) => s !== byDelgado).map((s) => ({ ...s, score: 0 }))]).map((s) => s.text)).toEqual([
      "Every new dog must complete a free temperament evaluation.",
      "It lasts about 3 hours.",
      "It is conducted by Marcus Delgado.",
    ]);
  });

  it("When a list item's later sentence goes on from its first, Then it is weighed with the first's words but only its own value, and quoted after it", async () => {
    const [passage] = passagesOf(
      "- Morning exams start at 9:00am. Students should line up outside the Sports Hall by 8:40am.\n- Afternoon exams start at 1:30pm. Students should line up by 1:10pm.",
    );
    const question = "morning exam line up time";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    const lineUp = evidence.find((s) => s.text.includes("8:40am"))!;
    expect(lineUp.coverage).toBe(1);
    expect(evidence[0]).toBe(lineUp);
    expect(extractiveDraft(question, evidence, false, "extractive").answer).toMatch(/^- Morning exams start at 9:00am \[1\]\. Students should line up outside the Sports Hall by 8:40am/);
    // The first sentence's time is no value of the later one.
    const [parking] = passagesOf("- The nearest car park is the Harbourside NCP. Ticket holders pay £6 after 5pm. Have your car park ticket validated before you leave.");
    const validated = (await weighEvidence("harbourside car park cost", [parking!], { idf, ranking: TEST_RANKING })).find((s) => s.text.startsWith("Have your"))!;
    expect(validated.typeMatch).toBe(false);
  });

  it("When a sentence opens with 'Both', Then it is weighed with the sentence naming the two things", async () => {
    const [passage] = passagesOf("Have your model number and serial number ready. Both are printed on the rating label on the right-hand edge of the door.");
    const evidence = await weighEvidence("Where can I find the serial number?", [passage!], { idf, ranking: TEST_RANKING });
    expect(evidence.find((s) => s.text.startsWith("Both"))!.coverage).toBeGreaterThan(0);
  });

  it("When a list item is nested under an item that is a label ('**Config file**'), Then it is read and quoted under that label", async () => {
    const [passage] = passagesOf(
      "### File locations\n\n- **Config file**\n  - Linux: `/etc/emberdb/ember.conf`\n  - Windows: `C:\\ProgramData\\EmberDB\\ember.conf`\n- **Data directory** (Linux): `/var/lib/emberdb`\n- **Log file** (Linux): `/var/log/emberdb/emberd.log`",
    );
    const evidence = await weighEvidence("config file location linux", [passage!], { idf, ranking: TEST_RANKING });
    expect(bestSentence(evidence)!.text).toBe("Config file › Linux: `/etc/emberdb/ember.conf`");
    expect(evidence.map((s) => s.text)).toContain("Data directory (Linux): `/var/lib/emberdb`");
  });

  it("When a sentence only says what its document covers, Then it is no evidence, but who a policy applies to is", async () => {
    const [intro] = passagesOf("This handbook covers the practical stuff: when we rehearse, dues, concerts, and what to wear. Concert dress is all black.");
    const evidence = await weighEvidence("What do I wear for the concert?", [intro!], { idf, ranking: TEST_RANKING });
    expect(evidence.map((s) => s.text)).toEqual(["Concert dress is all black."]);
    const [scope] = passagesOf("This policy applies to all full-time employees.");
    expect(await weighEvidence("Who does the policy apply to?", [scope!], { idf, ranking: TEST_RANKING })).toHaveLength(1);
  });

  it("When a list is led by a label line or a sentence ending with a colon, Then its items are read with the lead's words, not its values", async () => {
    const [parking] = passagesOf("## Getting there\n\n**Park & Ride (recommended)**\n- Northgate Retail Park, off the A4610.\n- £4 per car, pay by card on entry.\n\n**Driving into town**\n- Very limited parking.");
    const evidence = await weighEvidence("park and ride cost", [parking!], { idf, ranking: TEST_RANKING });
    const price = evidence.find((s) => s.text.startsWith("£4"))!;
    expect(price.coverage).toBe(1);
    expect(price.typeMatch).toBe(true);
    // Another label's items are not the first label's.
    expect(evidence.find((s) => s.text.startsWith("Very limited"))!.coverage).toBeLessThan(1);
    const [rules] = passagesOf("Your password must:\n\n- be at least 14 characters long;\n- not match your last 10 passwords.\n\nChange it every 180 days.");
    const weighed = await weighEvidence("password characters", [rules!], { idf, ranking: TEST_RANKING });
    expect(weighed.find((s) => s.text.startsWith("be at least"))!.coverage).toBe(1);
    // A sentence after the list is no item of it.
    expect(weighed.find((s) => s.text.startsWith("Change it"))!.coverage).toBe(0);
  });

  it("When the answer is uncertain and the sentence ranked first has the kind of answer asked for but no word of the question, Then it is shown among the closest", async () => {
    const passages = passagesOf("Our core hours are 10:00 to 16:00, Monday to Friday.", "Office chairs can be claimed up to £150.");
    const question = "What time do I have to be in the office?";
    const weighed = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    // As the fitted ranking has it: the core hours first, though only the chairs' sentence says "office".
    const evidence = weighed.map((s) => ({ ...s, score: s.text.startsWith("Our core hours") ? 0.4 : 0.05 })).sort((a, b) => b.score - a.score);
    expect(evidence[0]!.typeMatch && evidence[0]!.coverage === 0).toBe(true);
    expect(extractiveDraft(question, evidence, true, "extractive").answer).toContain("10:00 to 16:00");
    expect(extractiveDraft(question, evidence, false, "extractive").answer).not.toContain("10:00 to 16:00");
  });

  it("When a question asks what to do in a situation, Then the sentence after the one describing it in its paragraph is quoted too", async () => {
    const [passage] = passagesOf("Low engine oil pressure warning. Stop the engine immediately.\n\nTyre pressure warning: check the tyres at the next stop.");
    const question = "the oil pressure warning just came on, what do I do";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    expect(pickSentences(question, evidence).map((s) => s.text).slice(0, 2)).toEqual(["Low engine oil pressure warning.", "Stop the engine immediately."]);
    // Not past the paragraph's end, nor for a question that asks no such thing.
    expect(pickSentences("what is the oil pressure warning", evidence).map((s) => s.text)).not.toContain("Stop the engine immediately.");
  });

  it("When the best sentence lacks the kind of answer asked for and the next one of its paragraph has it, Then that one is quoted after it", async () => {
    const [passage] = passagesOf(
      "If you only remember one thing: your Home Ownership Team is here to help. Call us on 0300 555 4182 (Monday to Friday, 9am to 5pm).\n\nThe Tenancy Team replies within 10 days.",
    );
    const question = "home ownership team opening hours";
    const evidence = await weighEvidence(question, [passage!], { idf, ranking: TEST_RANKING });
    expect(pickSentences(question, evidence).map((s) => s.text).slice(0, 2)).toEqual([
      "If you only remember one thing: your Home Ownership Team is here to help.",
      "Call us on 0300 555 4182 (Monday to Friday, 9am to 5pm).",
    ]);
    // A phone number too, on the line under what it is the number of.
    const [care] = passagesOf("**FreshPress Customer Care**\nPhone: 1-800-555-0147 (Monday–Friday, 8:00 a.m.–6:00 p.m. Eastern Time)\nEmail: support@freshpress-home.com");
    const phone = "What's the phone number for FreshPress customer care?";
    const weighedCare = await weighEvidence(phone, [care!], { idf, ranking: TEST_RANKING });
    const best = weighedCare.find((s) => s.text.includes("Customer Care"))!;
    const ranked = weighedCare.map((s) => ({ ...s, score: s === best ? 0.8 : 0.01 }));
    expect(pickSentences(phone, ranked).map((s) => s.text).join(" ")).toContain("1-800-555-0147");
    // Or the item of the list under it that holds one: another item naming more of the question, but no number, is no
    // better record.
    const [lumora] = passagesOf("Lumora Support is here every day, 7 a.m. to 10 p.m. ET.\n\n- Phone: 1-888-555-0147\n- Email: support@lumorahome.com\n- Help center: help.lumorahome.com");
    const lumoraPhone = "What's Lumora's support phone number?";
    const weighedLumora = await weighEvidence(lumoraPhone, [lumora!], { idf, ranking: TEST_RANKING });
    expect(weighedLumora.find((s) => s.text.startsWith("Phone:"))).toMatchObject({ typeMatch: true });
    const opening = weighedLumora.find((s) => s.text.startsWith("Lumora Support"))!;
    const rankedLumora = weighedLumora.map((s) => ({ ...s, score: s === opening ? 0.8 : 0.01 }));
    expect(pickSentences(lumoraPhone, rankedLumora).map((s) => s.text)).toContain("Phone: 1-888-555-0147");
    // Or a line of the block a label heads, past the lines of an address.
    const [team] = passagesOf("**Licensing Team**\nFenmere Waterways Trust\nAshby Lock House, Wharf Road\n\n- Phone: 0303 555 0419 (Monday to Friday, 9am–5pm)\n- Email: licensing@fenmerewaterways.org.uk");
    const licensing = "licensing team phone number";
    const weighedTeam = await weighEvidence(licensing, [team!], { idf, ranking: TEST_RANKING });
    const label = weighedTeam.find((s) => s.text.includes("Licensing Team"))!;
    const rankedTeam = weighedTeam.map((s) => ({ ...s, score: s === label ? 0.8 : 0.01 }));
    expect(pickSentences(licensing, rankedTeam).map((s) => s.text)).toContain("Phone: 0303 555 0419 (Monday to Friday, 9am–5pm)");
    // Not a name: the town of an office says nobody (the fine's issuer).
    const [fine] = passagesOf("The fine is issued by the council. The council's fines office is in Leeds.");
    const weighed = await weighEvidence("Who issues the fine?", [fine!], { idf, ranking: TEST_RANKING });
    expect(pickSentences("Who issues the fine?", weighed.map((s, i) => ({ ...s, score: i === 0 ? 0.8 : 0.01 }))).map((s) => s.text)).toEqual(["The fine is issued by the council."]);
  });

  it("When the answer is uncertain, Then runners-up half as close as a confident answer's are quoted too", async () => {
    const [passage] = passagesOf("The fine is issued by the council. The council's fines office is in Leeds.");
    const weighed = await weighEvidence("Who issues the fine?", [passage!], { idf, ranking: TEST_RANKING });
    // The second sentence a fifth as likely as the first: under a confident answer's bar (0.3), over an uncertain one's.
    const evidence = weighed.map((s, i) => ({ ...s, score: i === 0 ? 0.8 : 0.16 }));
    expect(extractiveDraft("Who issues the fine?", evidence, false, "extractive").answer).toBe("The fine is issued by the council [1].");
    expect(extractiveDraft("Who issues the fine?", evidence, true, "extractive").answer).toBe("The fine is issued by the council [1]. The council's fines office is in Leeds [1].");
  });

  it("When two sentences cover the question equally, Then the one closer in meaning is quoted", async () => {
    const passages = passagesOf("Petra Havu chairs NEMO and moderated the panel.", "Petra Havu is also the CEO of the Finnish Museums Association.");
    // A fake embedder: the second sentence is the close one.
    const similarity: SentenceSimilarity = async (_q, texts) => texts.map((t) => (t.includes("CEO") ? 0.6 : 0.1));
    const evidence = await weighEvidence("What other position does Petra Havu hold?", passages, { idf, similarity, ranking: TEST_RANKING });
    expect(evidence[0]!.text).toContain("CEO");
    const withoutSimilarity = await weighEvidence("What other position does Petra Havu hold?", passages, { idf, ranking: TEST_RANKING });
    expect(withoutSimilarity[0]!.similarity).toBe(0);
  });

  it("When the answer is uncertain and a sentence sharing no word with the question is the closest in meaning, Then it is quoted after the closest in words; a confident answer does not quote it", async () => {
    const question = "my cat is having her op tomorrow, can she have breakfast";
    const passages = passagesOf("Cats must be kept in a carrier in reception.", "No food after 10pm the night before. Water is fine until you leave home.");
    // A fake embedder: the fasting rule is the close one.
    const similarity: SentenceSimilarity = async (_q, texts) => texts.map((t) => (t.startsWith("No food") ? 0.55 : 0.3));
    const weighed = await weighEvidence(question, passages, { idf, similarity, ranking: TEST_RANKING });
    // As a ranking led by shared words has it: the carrier's sentence ("cats") first, the fasting rule far behind.
    const evidence = weighed.map((s) => ({ ...s, score: s.text.startsWith("Cats") ? 0.4 : 0.02 })).sort((a, b) => b.score - a.score);
    expect(extractiveDraft(question, evidence, true, "extractive").answer).toBe("Cats must be kept in a carrier in reception [1]. No food after 10pm the night before [2].");
    expect(extractiveDraft(question, evidence, false, "extractive").answer).not.toContain("10pm");
    // Not when a quoted sentence is as close in meaning, nor without an embedder (every similarity 0), nor for a question
    // asking for a kind of value (a time: the nearest in meaning is as often another time).
    const asClose = evidence.map((s) => ({ ...s, similarity: 0.55 }));
    expect(extractiveDraft(question, asClose, true, "extractive").answer).not.toContain("10pm");
    const blind = evidence.map((s) => ({ ...s, similarity: 0 }));
    expect(extractiveDraft(question, blind, true, "extractive").answer).not.toContain("10pm");
    expect(extractiveDraft("my cat is having her op tomorrow, when do I have to stop feeding her", evidence, true, "extractive").answer).not.toContain("10pm");
  });

  it("When a numbered heading stands on its own line, Then neither of the two sentences the splitter makes of it is evidence", () => {
    const text = "4. Mileage\n\nEmployees are reimbursed at 45 pence per mile.";
    const chunk = { id: "policy.pdf#3", source: "policy.pdf", title: "Travel Policy", headingPath: ["4. Mileage"], text, start: 0, end: text.length };
    expect(chunkSentences(chunk).map((s) => s.text)).toEqual(["Employees are reimbursed at 45 pence per mile."]);
  });

  it("When a document asks a question and answers it (an FAQ), Then the question is not evidence, and its answer holds its words, quoted without Markdown's bold or the answer's label", async () => {
    const text = "**Q: How many books can I borrow?**\nA: Members can borrow up to 12 items at a time.\n\n## Can I print?\n\nYes, for 10p a page.";
    const chunk = { id: "faq.md#0", source: "faq.md", title: "FAQ", headingPath: ["Can I print?"], text, start: 0, end: text.length };
    expect(chunkSentences(chunk).map((s) => [s.text, s.answers])).toEqual([
      ["Members can borrow up to 12 items at a time.", "Q: How many books can I borrow?"],
      ["Yes, for 10p a page.", "## Can I print?"],
    ]);
    const [best] = await weighEvidence("How many books can I borrow?", [{ n: 1, score: 1, chunk }], { idf, ranking: TEST_RANKING });
    expect(best).toMatchObject({ text: "Members can borrow up to 12 items at a time.", coverage: 1 });
  });

  it("When an FAQ's labelled question is said as a statement (a problem), Then it is still the question, and the sentence after it answers", () => {
    const text = "Q: The radiators feel only lukewarm.\nA: Heat pumps run at lower flow temperatures, so radiators feel cooler to the touch.";
    const chunk = { id: "manual.txt#4", source: "manual.txt", title: "Manual", headingPath: [], text, start: 0, end: text.length };
    expect(chunkSentences(chunk).map((s) => [s.text, s.answers])).toEqual([
      ["Heat pumps run at lower flow temperatures, so radiators feel cooler to the touch.", "Q: The radiators feel only lukewarm."],
    ]);
  });

  it("When a line in bold heads a Markdown section (a troubleshooting FAQ's problem), Then it is a heading, not a sentence that answers; the lines under it are", () => {
    const text = "**The air fryer won't turn on.**\nCheck that the plug is firmly in the outlet and that the basket is fully inserted.";
    const chunk = { id: "m.md#3", source: "m.md", title: "Manual", headingPath: ["Manual", "Troubleshooting", "The air fryer won't turn on."], text, start: 0, end: text.length };
    expect(chunkSentences(chunk).map((s) => s.text)).toEqual(["Check that the plug is firmly in the outlet and that the basket is fully inserted."]);
    // A line in bold that heads no section (inside a paragraph) is what it says.
    expect(chunkSentences({ ...chunk, headingPath: ["Manual", "Troubleshooting"] }).map((s) => s.text)).toEqual([
      "The air fryer won't turn on.",
      "Check that the plug is firmly in the outlet and that the basket is fully inserted.",
    ]);
  });

  it("When a sentence is a row of a table, Then each cell is named by its column, from a Markdown or an HTML table alike; the header is no sentence", () => {
    const sentencesOf = (text: string) => chunkSentences({ id: "t#0", source: "t.md", title: "T", headingPath: [], text, start: 0, end: text.length }).map((s) => s.text);
    // The header names every row's cells; quoted alone ("Plan | Price per user per month | Storage") it answered nothing.
    expect(sentencesOf("Hotel limits:\n\n| City | Limit per night |\n| --- | --- |\n| **London** | 140 pounds |\n| Leeds | 95 pounds |")).toEqual([
      "Hotel limits:",
      "City: London; Limit per night: 140 pounds",
      "City: Leeds; Limit per night: 95 pounds",
    ]);
    // The HTML loader's rows: cells set apart, a row a block.
    expect(sentencesOf("Vehicle | Rate\n\nCar | 45p\n\nBicycle | 20p")).toEqual(["Vehicle: Car; Rate: 45p", "Vehicle: Bicycle; Rate: 20p"]);
    // A row whose header the passage does not hold is quoted as its cells.
    expect(sentencesOf("Some prose.\n\n| Car | 45p |")).toEqual(["Some prose.", "Car | 45p"]);
  });

  it("When a line's label names every term of the question and its value is of the kind asked for, Then it is labelled, and the ranking reads that", async () => {
    const passages = passagesOf("Residence Manager: Priya Castellano\n\nPool Manager: Craig Whitfield\n\nReception: open 8:30am to 6pm");
    const labelledOf = async (question: string) => Object.fromEntries((await weighEvidence(question, passages, { idf, ranking: TEST_RANKING })).map((s) => [s.text, s.labelled]));
    expect(await labelledOf("Who is the residence manager?")).toMatchObject({ "Residence Manager: Priya Castellano": true, "Pool Manager: Craig Whitfield": false });
    expect(await labelledOf("Who is the duty manager?")).toMatchObject({ "Pool Manager: Craig Whitfield": false });
    // Not a clock time's colon, nor a value of another kind than asked.
    expect(await labelledOf("reception hours")).toMatchObject({ "Reception: open 8:30am to 6pm": true });
    expect(await labelledOf("Who runs reception?")).toMatchObject({ "Reception: open 8:30am to 6pm": false });
    const [manager] = await weighEvidence("Who is the residence manager?", passages, { idf, ranking: TEST_RANKING });
    expect(sentenceFeatures(manager!).labelled).toBe(1);
  });

  it("When a value stands after a sentence on its line, Then it is that sentence's; on a line of its own it is not", () => {
    const sentencesOf = (text: string) => chunkSentences({ id: "t#0", source: "t.md", title: "T", headingPath: [], text, start: 0, end: text.length }).map((s) => s.text);
    expect(sentencesOf("- **Beginner Wheel Throwing** — Tuesdays, 6:30pm–9:00pm, with Maya Okafor. **$285**")).toEqual([
      "Beginner Wheel Throwing — Tuesdays, 6:30pm–9:00pm, with Maya Okafor. $285",
    ]);
    expect(sentencesOf("The class is full. Another one starts soon.")).toEqual(["The class is full.", "Another one starts soon."]);
  });

  it("When a quoted line does not end as a sentence ends, Then it has a line of its own and keeps its citation through verification", async () => {
    const passages = passagesOf("Opening hours Tuesday to Sunday", "The museum opens at ten on Tuesday to Sunday and closes at six.");
    const evidence = await weighEvidence("What are the opening hours on Sunday?", passages, { idf, ranking: TEST_RANKING });
    const draft = await new ExtractiveAnswerer().answer({ question: "q", passages, evidence, assessment: assessmentOf() });
    expect(draft.answer).toBe("Opening hours Tuesday to Sunday [1]\nThe museum opens at ten on Tuesday to Sunday and closes at six [2].");
    // Run on, the line and the sentence are one sentence to the check, which keeps [2] and drops the line's [1].
    expect(verifyCitations(draft.answer, passages).answer).toBe(draft.answer);
  });

  it("When the best sentence introduces a list, Then the answer quotes the list items that follow, from whichever passage holds them", async () => {
    const passages = passagesOf(
      "NEMO made three recommendations for policy makers:",
      "1. A political vision for museums. It is needed for trust.",
      "2. Financial investments in the cultural domain.",
      "3. A European innovation hub.",
    );
    const evidence = await weighEvidence("What are NEMO's three recommendations for policy makers?", passages, { idf, ranking: TEST_RANKING });
    const chosen = pickSentences("What are NEMO's three recommendations for policy makers?", evidence).map((s) => s.text);
    expect(chosen).toEqual([
      "NEMO made three recommendations for policy makers:",
      "A political vision for museums.",
      "It is needed for trust.",
      "Financial investments in the cultural domain.",
      "A European innovation hub.",
    ]);
    const draft = await new ExtractiveAnswerer().answer({ question: "q", passages, evidence, assessment: assessmentOf() });
    expect(draft.cited).toEqual([1, 2, 3, 4]);
    expect(draft.answer.split("\n")).toEqual([
      "NEMO made three recommendations for policy makers [1]:",
      "- A political vision for museums [2]. It is needed for trust [2].",
      "- Financial investments in the cultural domain [3].",
      "- A European innovation hub [4].",
    ]);
  });

  it("When a list item is quoted without the line introducing its list, Then its section's heading leads it, verified with it", async () => {
    const text = "- Pre-existing medical conditions, unless you declared them.\n- Winter sports, unless you added the extension.";
    const [passage] = passagesOf(text);
    const underHeading = (...headingPath: string[]) => [{ ...passage!, chunk: { ...passage!.chunk, title: "Policy summary", headingPath } }];
    const question = "Are pre-existing conditions covered?";
    const answerUnder = async (passages: Passage[], asked = question) => {
      const evidence = await weighEvidence(asked, passages, { idf, ranking: TEST_RANKING });
      const draft = await new ExtractiveAnswerer().answer({ question: asked, passages, evidence, assessment: assessmentOf() });
      return verifyCitations(draft.answer, passages).answer;
    };
    expect((await answerUnder(underHeading("Policy summary", "What is not covered"))).split("\n")).toEqual([
      "What is not covered [1]:",
      "- Pre-existing medical conditions, unless you declared them [1].",
    ]);
    // A heading asking a question leads its list as a statement would.
    expect((await answerUnder(underHeading("Policy summary", "What is not covered?"))).split("\n")[0]).toBe("What is not covered [1]:");
    // A heading of a word or two says what the list is under the heading above it: one version's fixes, not another's.
    const [fixes] = passagesOf("- Reminders no longer go off one hour late after the clocks change.");
    const release = [{ ...fixes!, chunk: { ...fixes!.chunk, title: "Release notes", headingPath: ["Release notes", "4.1.3 — 22 April 2024", "Fixed"] } }];
    expect((await answerUnder(release, "Do reminders still go off late?")).split("\n")[0]).toBe("4.1.3 — 22 April 2024 › Fixed [1]:");
    // Asked about the section as a whole, its list is the answer.
    const whole = underHeading("Policy summary", "What is not covered");
    const evidence = await weighEvidence("What is not covered?", whole, { idf, ranking: TEST_RANKING });
    expect(pickSentences("What is not covered?", evidence).map((s) => s.text)).toEqual([
      "Pre-existing medical conditions, unless you declared them.",
      "Winter sports, unless you added the extension.",
    ]);
    // A section of lines that are no sentences is quoted as such, line by line.
    const [lines] = passagesOf("225g unsalted butter\n\n4 eggs\n\n225g self-raising flour");
    const ingredients = [{ ...lines!, chunk: { ...lines!.chunk, title: "Lemon cake", headingPath: ["Ingredients"] } }];
    const listed = await weighEvidence("What are the ingredients?", ingredients, { idf, ranking: TEST_RANKING });
    expect(pickSentences("What are the ingredients?", listed).map((s) => s.text)).toEqual(["225g unsalted butter", "4 eggs", "225g self-raising flour"]);
    // Under the document's title alone, there is no section to name.
    expect(await answerUnder(underHeading("Policy summary"))).toBe("Pre-existing medical conditions, unless you declared them [1].");
    // Lines written without bullets, each a sentence, are a list as well; a paragraph of sentences is not.
    const [unbulleted] = passagesOf("Accidental damage, such as drops.\nNormal wear, such as scratches.\nLoss or theft.");
    expect(await answerUnder([{ ...unbulleted!, chunk: { ...unbulleted!.chunk, title: "Warranty", headingPath: ["What is not covered"] } }], "Is theft covered?")).toBe(
      "What is not covered [1]:\n- Loss or theft [1].",
    );
    // A recipe's method: a line of two sentences is an item too, its second sentence going on from its first.
    const [method] = passagesOf("Heat the oven to 180C. Line a tin with paper.\nBeat the butter and sugar.\nBake for 45 minutes.");
    expect(chunkSentences(method!.chunk).map((s) => [s.text, s.listItem, s.continuesItem ?? false])).toEqual([
      ["Heat the oven to 180C.", true, false],
      ["Line a tin with paper.", true, true],
      ["Beat the butter and sugar.", true, false],
      ["Bake for 45 minutes.", true, false],
    ]);
    // Quoted after another item, an item's second sentence starts a line of its own: it does not go on from that item.
    const methodPassages = [{ ...method!, chunk: { ...method!.chunk, headingPath: ["Method"] } }];
    const weighed = await weighEvidence("How long do I bake it in the tin?", methodPassages, { idf, ranking: TEST_RANKING });
    const ranked = ["Bake for 45 minutes.", "Line a tin with paper."].map((text, i) => ({ ...weighed.find((s) => s.text === text)!, score: 0.5 - i / 100 }));
    const baking = await new ExtractiveAnswerer().answer({ question: "How long do I bake it in the tin?", passages: methodPassages, evidence: ranked, assessment: assessmentOf() });
    expect(baking.answer.split("\n")).toEqual(["Method [1]:", "- Bake for 45 minutes [1].", "- Line a tin with paper [1]."]);
    // Paragraphs of several sentences each, or questions and answers, are no list.
    const [paragraphs] = passagesOf("Contact support by phone. Have your receipt ready.\nWe collect the laptop. Repairs take a week.");
    const [faq] = passagesOf("How long can I keep a book?\nThree weeks.\nCan I renew it?\nYes, twice.");
    expect([...chunkSentences(paragraphs!.chunk), ...chunkSentences(faq!.chunk)].some((s) => s.listItem)).toBe(false);
    const [prose] = passagesOf("Accidental damage is not covered. Loss or theft is not covered.\n\nRepairs take a week.");
    const proseUnder = [{ ...prose!, chunk: { ...prose!.chunk, title: "Warranty", headingPath: ["What is not covered"] } }];
    const fromProse = await answerUnder(proseUnder, "Is theft covered?");
    expect(fromProse).toMatch(/^Loss or theft is not covered \[1\]\./);
    expect(fromProse).not.toContain("\n");
    // An item's second sentence is quoted after the item's first, which it goes on from.
    const [junior] = passagesOf("- Standard: gym, pool and classes, £42 a month.\n- Junior: gym and pool, £18 a month. Juniors under 14 must be supervised by an adult.");
    const membership = [{ ...junior!, chunk: { ...junior!.chunk, title: "Membership terms", headingPath: ["Membership terms", "Membership types"] } }];
    const supervised = "Must juniors under 14 be supervised by an adult?";
    const juniorEvidence = await weighEvidence(supervised, membership, { idf, ranking: TEST_RANKING });
    const draft = await new ExtractiveAnswerer().answer({ question: supervised, passages: membership, evidence: juniorEvidence, assessment: assessmentOf() });
    expect(draft.answer.split("\n")).toEqual(["Membership types [1]:", "- Junior: gym and pool, £18 a month [1]. Juniors under 14 must be supervised by an adult [1]."]);
  });

  it("When a list's items are each explained by a paragraph, or another section holds a list, Then the line introducing the list quotes its own items only", async () => {
    const text = "NEMO made three recommendations:\n\n1. A political vision.\n   Museums are pillars of trust.\n2. Financial investments.\n   Resources must be allocated.\n3. An innovation hub.";
    const [passage] = passagesOf(text);
    const other = passagesOf("- Select the network NW-Guest.\n- Accept the terms.")[0]!;
    const passages = [passage!, { ...other, n: 2, chunk: { ...other.chunk, source: passage!.chunk.source, start: text.length + 20, headingPath: ["Guest network"] } }];
    const evidence = await weighEvidence("What are NEMO's three recommendations?", passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences("What are NEMO's three recommendations?", evidence).map((s) => s.text)).toEqual([
      "NEMO made three recommendations:",
      "A political vision.",
      "Financial investments.",
      "An innovation hub.",
    ]);
  });

  it("When a question asks how to do something and the best sentence is a step of a list, Then the answer quotes the whole list, in order", async () => {
    const [passage] = passagesOf(
      "## Installing the printer driver\n\n1. Open the Company Portal on your laptop.\n2. Search for the Brother driver and click Install. It takes a minute.\n3. Restart your laptop.\n\nToner is in the cupboard.",
    );
    const passages = [{ ...passage!, chunk: { ...passage!.chunk, headingPath: ["Installing the printer driver"] } }];
    const question = "How do I install the printer driver?";
    const evidence = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    expect(evidence[0]!.listItem).toBe(true);
    const draft = await new ExtractiveAnswerer().answer({ question, passages, evidence, assessment: assessmentOf() });
    expect(draft.answer.split("\n")).toEqual([
      "Installing the printer driver [1]:",
      "- Open the Company Portal on your laptop [1].",
      "- Search for the Brother driver and click Install [1]. It takes a minute [1].",
      "- Restart your laptop [1].",
    ]);
    expect(verifyCitations(draft.answer, passages).answer).toBe(draft.answer);
    // Asked for one fact, not a procedure, the list is not quoted whole.
    const which = "Which portal has the Brother driver?";
    const factEvidence = await weighEvidence(which, passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences(which, factEvidence).length).toBeLessThan(4);
  });

  it("When a how-to's best sentence only mentions the task, under another heading, Then the steps under a heading naming the task are quoted", async () => {
    const [reset, trouble] = passagesOf(
      "## Factory reset\n\n1. Leave the extender plugged in.\n2. Press and hold the Reset button for 8 seconds.\n3. Set up again.",
      "## Troubleshooting\n\n- Forgot admin password: do a factory reset.\n- Slow speeds: move the extender closer.",
    );
    const passages = [
      { ...reset!, chunk: { ...reset!.chunk, headingPath: ["Factory reset"] } },
      { ...trouble!, chunk: { ...trouble!.chunk, headingPath: ["Troubleshooting"] } },
    ];
    const question = "How do I factory reset the extender?";
    const weighed = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    const mention = weighed.find((s) => s.text.startsWith("Forgot admin password"))!;
    const ranked = weighed.map((s) => ({ ...s, score: s === mention ? 0.8 : 0.1 }));
    expect(pickSentences(question, ranked).map((s) => s.text)).toContain("Press and hold the Reset button for 8 seconds.");
    // Under a heading naming the task, the best sentence's own list is the procedure.
    const underTask = weighed.map((s) => ({ ...s, score: s.text.startsWith("Press") ? 0.8 : 0.1 }));
    expect(pickSentences(question, underTask).map((s) => s.text)).not.toContain("Forgot admin password: do a factory reset.");
  });

  it("When a question asks how to do something and a code block holds the commands, Then they are quoted one per line; asked what the thing is, no line of code is evidence", async () => {
    const [passage] = passagesOf("Tidewater syncs tide tables into a local database.\n\n```bash\ngit clone https://example.org/tidewater.git\ncd tidewater\nnpm install\n```");
    const passages = [passage!];
    const question = "How do I install tidewater?";
    const evidence = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    const draft = await new ExtractiveAnswerer().answer({ question, passages, evidence, assessment: assessmentOf() });
    // The sentence before the block says what tidewater is, not how to install it: the commands are the answer.
    expect(draft.answer.split("\n")).toEqual(["- git clone https://example.org/tidewater.git [1]", "- cd tidewater [1]", "- npm install [1]"]);
    expect(verifyCitations(draft.answer, passages).answer).toBe(draft.answer);

    const what = await weighEvidence("What is tidewater?", passages, { idf, ranking: TEST_RANKING });
    expect(what.map((s) => s.text)).toEqual(["Tidewater syncs tide tables into a local database."]);
  });

  it("When a question asks for the best way to do something, Then it asks how, and a sentence ending with a colon is quoted with its own block of commands, not the next one's", async () => {
    expect(askedAction("best way to install snapshelf")).toBe("install");
    const readme =
      "The recommended way to install snapshelf is with pipx, which keeps it isolated:\n\n```\npipx install snapshelf\n```\n\n" +
      "If you don't use pipx, a user-level pip install also works:\n\n```\npip install --user snapshelf\n```";
    const passages = passagesOf(readme);
    const question = "best way to install snapshelf";
    const evidence = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    const draft = await new ExtractiveAnswerer().answer({ question, passages, evidence, assessment: assessmentOf() });
    expect(draft.answer.split("\n")).toEqual(["The recommended way to install snapshelf is with pipx, which keeps it isolated [1]:", "- pipx install snapshelf [1]"]);
  });

  it("When a question asks where and the best sentence is a line of an address, Then the address is quoted whole, a line at a time", async () => {
    const passages = passagesOf("## The new address\n\nHarlow & Finch Consulting\n4th Floor, Kestrel House\n27 Navigation Street\nBirmingham B1 2RT\n\nOur switchboard number stays the same.");
    const question = "kestrel house address";
    const evidence = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences(question, evidence).map((s) => s.text)).toEqual(["Harlow & Finch Consulting", "4th Floor, Kestrel House", "27 Navigation Street", "Birmingham B1 2RT"]);
    // Asked for something else, a line is quoted as any sentence is.
    const phone = "switchboard number";
    expect(pickSentences(phone, await weighEvidence(phone, passages, { idf, ranking: TEST_RANKING }))[0]!.text).toBe("Our switchboard number stays the same.");
  });

  it("When the best sentence opens by pointing back, Then the sentence before it in its passage is quoted first", async () => {
    const passages = passagesOf("Patrick Walshe was an American actor. He is best known for playing Nikko in The Wizard of Oz.", "Nikko leads the Winged Monkeys.");
    const evidence = await weighEvidence("who plays nikko in the wizard of oz", passages, { idf, ranking: TEST_RANKING });
    expect(evidence[0]!.text).toMatch(/^He is best known/);
    const draft = await new ExtractiveAnswerer().answer({ question: "q", passages, evidence, assessment: assessmentOf() });
    expect(draft.answer).toMatch(/^Patrick Walshe was an American actor \[1\]\. He is best known for playing Nikko in The Wizard of Oz \[1\]\./);
  });

  it("When a close runner-up stands before the best sentence in its passage, Then the best sentence is still quoted first", async () => {
    const passages = passagesOf("The museum forum met in a large hall. The museum forum took place in Hangzhou, China.");
    const evidence = await weighEvidence("Where did the museum forum take place?", passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences("Where did the museum forum take place?", evidence).map((s) => s.text)).toEqual(["The museum forum took place in Hangzhou, China.", "The museum forum met in a large hall."]);
  });

  it("When a question's verb says little of its own (get, bring, keep …), Then an answering sentence need not repeat it", async () => {
    const [dogs] = await weighEvidence("Can I bring my dog?", passagesOf("Dogs are welcome in the ground-floor apartments only."), { idf, ranking: TEST_RANKING });
    expect(dogs!.coverage).toBe(1);
    const [holiday] = await weighEvidence("How many days of holiday did I get?", passagesOf("Full-time employees have 25 days of holiday."), { idf, ranking: TEST_RANKING });
    expect(holiday!.coverage).toBe(1);
    // Asked what, the verb acts on the answer: "bring" tells the sentence that answers from the one that does not.
    const joining = await weighEvidence("What do I need to bring to join?", passagesOf("Children under 16 need a parent to sign their form. Bring a photo ID."), { idf, ranking: TEST_RANKING });
    expect(joining.find((s) => s.text === "Bring a photo ID.")!.coverage).toBeGreaterThan(0);
    // A verb that names an action is still asked for.
    const [restore] = await weighEvidence("Can I restore my files?", passagesOf("Your files are kept for 30 days."), { idf, ranking: TEST_RANKING });
    expect(restore!.coverage).toBe(0.5);
  });

  it("When the best sentence names its subject, Then no sentence before it is added", async () => {
    const passages = passagesOf("Tickets sold out early. The forum took place in Hangzhou, China.", "Tickets sold out early. It took place in Hangzhou, China.");
    const evidence = await weighEvidence("Where did the forum take place?", passages, { idf, ranking: TEST_RANKING });
    expect(pickSentences("Where did the forum take place?", evidence).map((s) => `${s.n}: ${s.text}`)).toEqual(["1: The forum took place in Hangzhou, China.", "2: Tickets sold out early.", "2: It took place in Hangzhou, China."]);
  });

  it("When a plain-text document's title names what is asked about, Then it counts for every passage, as a Markdown document's first heading does", async () => {
    const [passage] = passagesOf("Secretary: Priya Venkataraman - 07700 900418");
    const titled = { ...passage!, chunk: { ...passage!.chunk, title: "MILL LANE COMMUNITY GARDEN ASSOCIATION", headingPath: ["10. COMMITTEE CONTACTS"] } };
    const [sentence] = await weighEvidence("Who is the secretary of the community garden?", [titled], { idf, ranking: TEST_RANKING });
    expect(sentence!.coverage).toBeLessThan(1);
    expect(sentence!.contextCoverage).toBe(1);
  });

  it("When a passage opens with its heading, Then the heading is not quoted as an answer, though its words still count for the passage", async () => {
    const [passage] = passagesOf("# Amnesia: The Dark Descent\n\nThe game was released on 8 September 2010.");
    const headed = { ...passage!, chunk: { ...passage!.chunk, headingPath: ["Amnesia: The Dark Descent"] } };
    const evidence = await weighEvidence("when did amnesia the dark descent come out", [headed], { idf, ranking: TEST_RANKING });
    expect(evidence.map((s) => s.text)).toEqual(["The game was released on 8 September 2010."]);
    expect(evidence[0]!.contextCoverage).toBeGreaterThan(evidence[0]!.coverage);
    const html = { ...headed, chunk: { ...headed.chunk, text: "Amnesia: The Dark Descent\nThe game was released on 8 September 2010." } };
    expect((await weighEvidence("when did amnesia the dark descent come out", [html], { idf, ranking: TEST_RANKING })).map((s) => s.text)).toEqual([
      "The game was released on 8 September 2010.",
    ]);
    // A plain-text document's first line is its title unless it reads as a sentence.
    const txt = (text: string) => ({ ...passage!, chunk: { ...passage!.chunk, title: text.split("\n")[0]!, text } });
    const sentences = async (text: string) => (await weighEvidence("when did amnesia the dark descent come out", [txt(text)], { idf, ranking: TEST_RANKING })).map((s) => s.text);
    expect(await sentences("Amnesia: The Dark Descent\n\nThe game was released on 8 September 2010.")).toEqual(["The game was released on 8 September 2010."]);
    expect(await sentences("Amnesia: The Dark Descent came out in 2010.\nIt sold well.")).toContain("Amnesia: The Dark Descent came out in 2010.");
  });

  it("When a question asks what a code means, Then a heading naming the code and more is quoted as the answer; other headings are not", async () => {
    const [passage] = passagesOf("E13  FUSER ERROR\n     Turn printer off, wait 15 minutes, turn on again. If E13 returns, contact support.");
    const entry = { ...passage!, chunk: { ...passage!.chunk, headingPath: ["E13  FUSER ERROR"] } };
    const quoted = async (question: string) => (await weighEvidence(question, [entry], { idf, ranking: TEST_RANKING })).map((s) => s.text);
    expect((await quoted("What does error E13 mean?"))[0]).toBe("E13 FUSER ERROR");
    expect(await quoted("What should I do about error E13?")).not.toContain("E13 FUSER ERROR");
    // A heading of the question's own words, in another form, says nothing more.
    const [codes] = passagesOf("## Error codes\n\nE2: Drain problem");
    const listed = { ...codes!, chunk: { ...codes!.chunk, headingPath: ["Error codes"] } };
    expect((await weighEvidence("What does error code E2 mean?", [listed], { idf, ranking: TEST_RANKING })).map((s) => s.text)).toEqual(["E2: Drain problem"]);
  });

  it("When no sentence shares a term with the question, Then the best-ranked one is offered as the closest passage, never as an answer; with no sentence at all, the answerer abstains", async () => {
    const passages = passagesOf("Cats sleep a lot.");
    const draft = await new ExtractiveAnswerer().answer({ question: "espresso pressure", passages, evidence: await weighEvidence("espresso pressure", passages, { idf, ranking: TEST_RANKING }), assessment: assessmentOf() });
    expect(draft).toMatchObject({ answer: "Cats sleep a lot [1].", abstained: false, uncertain: true });
    const none = await new ExtractiveAnswerer().answer({ question: "espresso pressure", passages: [], evidence: [], assessment: assessmentOf() });
    expect(none).toMatchObject({ answer: ABSTENTION_MESSAGE, abstained: true });
  });
});

describe("answer types", () => {
  it("When a question asks for a price, Then only a sentence with an amount can answer it", () => {
    expect(expectedAnswerType("What is the ticket price for the Grand Egyptian Museum?")).toBe("amount");
    // "How much is …" asks what it costs; "how much water is …" how much of a thing, as "how many" does.
    expect(expectedAnswerType("How much is the trip?")).toBe("amount");
    expect(expectedAnswerType("how much water is in the lake")).toBe("count");
    expect(holdsAnswerType("Gehane Nabil directs the Grand Egyptian Museum Learning Center.", "amount")).toBe(false);
    expect(holdsAnswerType("Tickets cost EGP 1,200 for foreign adults.", "amount")).toBe(true);
    expect(holdsAnswerType("Entry is $25.", "amount")).toBe(true);
    // A fine, a rent or a deposit is a sum too, and "no fines" says how much: nothing.
    expect(expectedAnswerType("What is the fine for a late book?")).toBe("amount");
    expect(expectedAnswerType("What is the deposit?")).toBe("amount");
    expect(expectedAnswerType("When was the fine imposed?")).toBe("date");
    expect(expectedAnswerType("Is it fine to bring a dog?")).toBe("any");
    expect(holdsAnswerType("There are no fines on children's books.", "amount")).toBe(true);
    expect(holdsAnswerType("Books are lent for three weeks.", "amount")).toBe(false);
    // A sum charged in the hire's own units: "late return fee" had been answered 0.89 with the lost bike's £1,200 beside it.
    expect(holdsAnswerType("Bikes returned after closing time are charged an extra half day.", "amount")).toBe(true);
    expect(holdsAnswerType("Students attend with a valid card; others pay 2,400 SEK.", "amount")).toBe(true);
  });

  it("When a question asks how much something goes up, Then a length of time says nothing of it, unless it asks in units of time", () => {
    const premium = "how much will my premium go up when I renew";
    const asked = new Set(words(premium));
    expect(holdsAnswerType("We will write to you at least 30 days before your renewal date to tell you your new premium.", expectedAnswerType(premium), asked)).toBe(false);
    expect(holdsAnswerType("Premiums rise by 5% each year.", expectedAnswerType(premium), asked)).toBe(true);
    const days = "how many days does the price go up for";
    expect(holdsAnswerType("Prices go up for 3 days in August.", expectedAnswerType(days), new Set(words(days)))).toBe(true);
    const nights = "how many nights does the minimum stay go up to in summer";
    expect(holdsAnswerType("In summer the minimum stay rises to 7 nights.", expectedAnswerType(nights), new Set(words(nights)))).toBe(true);
  });

  it("When the word naming the sum is all a question names, Then it is the question's content: the rent's sentence answers 'How much is the rent?', not the deposit's", async () => {
    const passages = passagesOf("A deposit of £1,325 is held by the agent. The rent is £1,150 per calendar month.");
    const [rent] = await weighEvidence("How much is the rent?", passages, { idf, ranking: TEST_RANKING });
    expect(rent).toMatchObject({ text: "The rent is £1,150 per calendar month.", coverage: 1 });
    const [deposit] = await weighEvidence("How much is the deposit?", passages, { idf, ranking: TEST_RANKING });
    expect(deposit).toMatchObject({ text: "A deposit of £1,325 is held by the agent.", coverage: 1 });
    // Beside other words it is no content: the fee for a late book is answered by a sum, whatever it is called.
    const [fee] = await weighEvidence("What is the fee for a late book?", passagesOf("A late book costs £1 a day."), { idf, ranking: TEST_RANKING });
    expect(fee!.coverage).toBe(1);
  });

  it("When a question asks what topics or kinds of thing, Then those words frame it: the answer names the topics, not the word", async () => {
    // "topics" is in no document: as content, its IDF would outweigh "panel" and "discuss" together.
    const rare = (t: string) => (t.startsWith("topic") ? 5 : 1);
    const passages = passagesOf("The panel discussed how museums can harness digital technologies.");
    const [sentence] = await weighEvidence("What topics did the panel discuss?", passages, { idf: rare, ranking: TEST_RANKING });
    expect(sentence!.coverage).toBe(1);
  });

  it("When a question asks for a position, Then a sentence naming a role answers it and the wording of the exclusion does not count", async () => {
    expect(expectedAnswerType("Besides chairing the board, what other position does Ana Lee hold?")).toBe("role");
    expect(holdsAnswerType("Ana Lee is also the CEO of Lee Foods.", "role")).toBe(true);
    expect(holdsAnswerType("Ana Lee opened the meeting.", "role")).toBe(false);
    const passages = passagesOf("Ana Lee chairs the board of the museum.", "Ana Lee opened the meeting.", "Ana Lee is also the CEO of Lee Foods.");
    const similarity: SentenceSimilarity = async (_q, texts) => texts.map((t) => (t.includes("CEO") ? 0.4 : 0.3));
    const evidence = await weighEvidence("Besides chairing the board, what other position does Ana Lee hold?", passages, { idf, similarity, ranking: TEST_RANKING });
    expect(evidence[0]!.text).toBe("Ana Lee is also the CEO of Lee Foods.");
    expect(evidence[0]!.coverage).toBe(1);
  });

  it("When a question asks how many or when, Then a sentence needs a number or a date", () => {
    expect(expectedAnswerType("How many visitors came last year?")).toBe("count");
    expect(expectedAnswerType("How long is probation?")).toBe("length");
    expect(expectedAnswerType("When were the recommendations first presented?")).toBe("date");
    expect(expectedAnswerType("In which year was it founded?")).toBe("date");
    expect(expectedAnswerType("What does the museum display?")).toBe("any");
    expect(holdsAnswerType("They were presented on 20 March 2024.", "date")).toBe(true);
    expect(holdsAnswerType("They were presented at a conference.", "date")).toBe(false);
    expect(expectedAnswerType("What is the salary of a manager?")).toBe("amount");
    expect(expectedAnswerType("Does the company pay full salary during sick leave?")).toBe("any");
    expect(holdsAnswerType("Northwind pays full salary for the first 20 days of sickness absence.", "amount")).toBe(false);
    // A sum of money says how much, not how many; it still says how much.
    expect(holdsAnswerType("Office chairs can be claimed up to £150.", "count")).toBe(false);
    expect(holdsAnswerType("Claims of up to £1,500 are paid.", "count")).toBe(false);
    expect(holdsAnswerType("Office chairs can be claimed up to £150.", "number")).toBe(true);
    expect(holdsAnswerType("It has 3,000 staff in 150 offices.", "count")).toBe(true);
  });

  it("When digits are part of a name, Then they are neither a number nor a date; a year, a decade or a time of day is a date", () => {
    expect(holdsAnswerType("The Hitchhiker's Guide to the Galaxy (HG2G or H2G2) is a series created by Douglas Adams.", "date")).toBe(false);
    expect(holdsAnswerType("Aviation emits CO2 at altitude.", "number")).toBe(false);
    expect(holdsAnswerType("It gained 12 members.", "number")).toBe(true);
    expect(holdsAnswerType("It was renewed for 12 weeks.", "date")).toBe(false);
    expect(holdsAnswerType("In 1939, the team reached the Final Four.", "date")).toBe(true);
    expect(holdsAnswerType("It was popular in the 1990s.", "date")).toBe(true);
    expect(holdsAnswerType("The eclipse began at 4:05 p.m. on the coast.", "date")).toBe(true);
    expect(holdsAnswerType("About 1,000 people came.", "date")).toBe(false);
    // Nor is the last part of a reference a year.
    expect(holdsAnswerType("The cattery is licensed by the council (licence number HDC/AB/0417).", "date")).toBe(false);
    expect(holdsAnswerType("The licence was renewed for 2023/2024.", "date")).toBe(true);
  });

  it("When a question asks how much of a thing, Then a length of time or a temperature does not say it; how many years asks for a length of time", () => {
    const question = new Set(["how", "much", "water", "does", "the", "eco", "programme", "use"]);
    expect(expectedAnswerType("How much water does the eco programme use?")).toBe("count");
    expect(holdsAnswerType("Eco 50°C takes 3 hours 15 minutes and uses the least water and energy.", "count", question)).toBe(false);
    // In words as in digits: "one hour a day" counts no computers; "twelve computers" does.
    expect(holdsAnswerType("Members can use the public computers for one hour a day.", "count")).toBe(false);
    expect(holdsAnswerType("The library has twelve public computers.", "count")).toBe(true);
    // Nor does a sum of money count, nor a number in a name.
    expect(holdsAnswerType("Printing costs 10p per page and 50p per colour page.", "count")).toBe(false);
    expect(holdsAnswerType("All children in Reception, Year 1 and Year 2 receive a free school meal.", "count")).toBe(false);
    expect(holdsAnswerType("Apollo 11 carried 3 astronauts.", "count")).toBe(true);
    expect(holdsAnswerType("Eco 50°C uses 9 litres of water.", "count", question)).toBe(true);
    expect(holdsAnswerType("The museum was open for 300 days.", "count")).toBe(false);
    // A time of day counts nothing: "arrive at 5:45pm" does not say how many singers there are.
    expect(holdsAnswerType("Singers' call times: please arrive at 5:45pm for a warm-up.", "count", new Set(["how", "many", "singers"]))).toBe(false);
    expect(holdsAnswerType("Doors open at 7 p.m. and at 10.30am on Sundays.", "count")).toBe(false);
    expect(holdsAnswerType("The choir has 45 singers and meets at 7:30pm.", "count")).toBe(true);
    // Nor does a day of the month or a year beside a month's name.
    expect(holdsAnswerType("Tell the Graduation Office by 20 June 2025.", "count")).toBe(false);
    expect(holdsAnswerType("On March 3, 2024 the hall had 120 seats.", "count")).toBe(true);
    expect(holdsAnswerType("Book by June 20th.", "count")).toBe(false);
    expect(expectedAnswerType("How many years did he reign?")).toBe("number");
    expect(holdsAnswerType("He reigned for 45 years.", "number")).toBe(true);
    expect(expectedAnswerType("How much longer will it take?")).toBe("number");
    // "How often" is answered by how many times a while, a number word or not; "once you have joined" says when.
    expect(holdsAnswerType("Clean the filter once a week.", "number")).toBe(true);
    expect(holdsAnswerType("Once you have joined, book online.", "number")).toBe(false);
  });

  it("When a how-to question names an action, Then a procedure for another action in the same passage has no answer of the kind asked for", async () => {
    expect(askedAction("How do I restore a backup?")).toBe("restore");
    expect(askedAction("how to descale the coffee machine")).toBe("descale");
    expect(askedAction("How do I get to the station?")).toBeUndefined();
    const usage = "Run a backup of a folder:\n\n```bash\nsnapkeep backup ~/Documents\n```\n\nRestore the latest snapshot into a new folder:\n\n```bash\nsnapkeep restore --latest\n```";
    const evidence = await weighEvidence("How do I restore a backup?", passagesOf(usage), { idf, ranking: TEST_RANKING });
    const kind = (start: string) => evidence.find((s) => s.text.startsWith(start))!;
    expect(kind("Run a backup")).toMatchObject({ typed: true, typeMatch: false });
    expect(kind("snapkeep backup")).toMatchObject({ typed: true, typeMatch: false });
    expect(kind("Restore the latest")).toMatchObject({ typed: true, typeMatch: true });
    expect(kind("snapkeep restore")).toMatchObject({ typed: true, typeMatch: true });
    // A passage that never names the action may still say how, in other words: nothing in it is held against it.
    const other = await weighEvidence("How do I restore a backup?", passagesOf("Copy the snapshot folder back to its place."), { idf, ranking: TEST_RANKING });
    expect(other[0]!.typeMatch).toBe(true);
  });

  it("When a question asks what date, Then a month or a season alone does not say it; a day does", () => {
    const question = (q: string) => new Set(q.toLowerCase().split(/\W+/));
    const banquet = "What date is the awards banquet this year?";
    expect(expectedAnswerType(banquet)).toBe("day");
    expect(holdsAnswerType("Awards Banquet: held every November to celebrate our volunteers.", "day", question(banquet))).toBe(false);
    expect(holdsAnswerType("The Awards Banquet is on Saturday 15 November.", "day", question(banquet))).toBe(true);
    expect(expectedAnswerType("what date does booking close")).toBe("day");
    expect(holdsAnswerType("Booking closes at the end of October.", "day", question("what date does booking close"))).toBe(true);
    // "When" is answered by the month; "when exactly" is not.
    expect(expectedAnswerType("When is the awards banquet?")).toBe("date");
    expect(expectedAnswerType("when exactly is the volunteer awards evening this year")).toBe("day");
    expect(holdsAnswerType("Awards Banquet: held every November.", "date", question("When is the awards banquet?"))).toBe(true);
  });

  it("When a sentence says a day of the week or a clock time, Then it says when; a telephone number or a price does not", () => {
    expect(holdsAnswerType("Gym and pool, weekdays before 4pm and weekends.", "date")).toBe(true);
    expect(holdsAnswerType("The library opens at 9.30 am.", "date")).toBe(true);
    expect(holdsAnswerType("Bins are collected on Tuesdays.", "date")).toBe(true);
    expect(holdsAnswerType("In an emergency, call the school office on 01603 555 210.", "date")).toBe(false);
    expect(holdsAnswerType("The trip costs £285 per child.", "date")).toBe(false);
    expect(holdsAnswerType("Our shop is at 12 Mill Lane.", "date")).toBe(false);
    // A time from now or a recurrence says when; a length of time alone does not, nor the verb "may".
    expect(holdsAnswerType("Refunds usually show up within 5–7 working days.", "date")).toBe(true);
    expect(holdsAnswerType("Laptops are replaced every four years.", "date")).toBe(true);
    expect(holdsAnswerType("He served for 3 years.", "date")).toBe(false);
    expect(holdsAnswerType("Personal devices may be used for email.", "date")).toBe(false);
    // So does a stage one reaches, unless it is the one the question names.
    expect(holdsAnswerType("All employees are covered by private health insurance after probation.", "date", new Set(words("When do I get health insurance?")))).toBe(true);
    // Or by the day of an event.
    const charged = new Set(words("When does Greenleaf take the money from my card?"));
    expect(holdsAnswerType("We charge your card on the day your box is packed, which is the day before delivery.", "date", charged)).toBe(true);
    expect(holdsAnswerType("We charge your card when your box is packed.", "date", charged)).toBe(false);
    // Or a time before or after one.
    const walks = new Set(words("when can my puppy start going out for walks"));
    expect(holdsAnswerType("Your puppy can go out for walks in public places 1 week after the second injection.", "date", walks)).toBe(true);
    expect(holdsAnswerType("Balance: due 14 days before event date.", "date", new Set(words("When is the balance due?")))).toBe(true);
    expect(holdsAnswerType("The balance is due 10 weeks before your arrival date.", "day", new Set(words("balance due date")))).toBe(true);
    // Not a time from what the question asks when of.
    const due = new Set(words("When are the service charge payments due?"));
    expect(holdsAnswerType("If a payment has not been received 14 days after the due date, we will send a reminder letter.", "date", due)).toBe(false);
    expect(holdsAnswerType("Payments are due 30 days after the invoice date.", "date", due)).toBe(true);
    // A term is a length of time.
    const notice = new Set(words("How much notice do I have to give if we want to stop lessons?"));
    expect(holdsAnswerType("To stop lessons, you must give half a term's written notice by email to the office.", "length", notice)).toBe(true);
    expect(holdsAnswerType("Lessons run in terms.", "length", notice)).toBe(false);
    expect(holdsAnswerType("Walks are 2 hours long.", "date", walks)).toBe(false);
    expect(holdsAnswerType("Last entry to the gym floor is 30 minutes before closing.", "date", new Set(words("gym opening hours bank holiday monday")))).toBe(false);
    expect(holdsAnswerType("The balance is payable on arrival.", "date", new Set(words("When is the balance due?")))).toBe(true);
    expect(holdsAnswerType("Pay the driver on delivery.", "date", new Set(words("When do I pay for delivery?")))).toBe(false);
    // How often may be said in a word, or by what it comes after.
    const often = new Set(words("How often should I empty the drip tray?"));
    expect(expectedAnswerType("How often should I empty the drip tray?")).toBe("number");
    for (const said of ["Empty the drip tray daily.", "Clean it weekly.", "Rinse the tray after every use."]) expect(holdsAnswerType(said, "number", often)).toBe(true);
    expect(holdsAnswerType("The drip tray is dishwasher safe.", "number", often)).toBe(false);
    // Or by so many times, or once in so long; not by any number.
    const trains = new Set(words("how often are the trains to kestlebridge on a sunday"));
    for (const said of ["Trains run every 30 minutes.", "Trains leave twice an hour.", "There are 3 trains an hour.", "Trains run 4 times a day.", "Trains run at 20-minute intervals.", "Laptops are refreshed on a four-year cycle."]) {
      expect(holdsAnswerType(said, "number", trains)).toBe(true);
    }
    for (const none of ["By train: Kestlebridge station is a 10-minute walk from the Corn Exchange.", "Platform 2 serves Kestlebridge.", "Check the opening times."]) {
      expect(holdsAnswerType(none, "number", trains)).toBe(false);
    }
    // A day of the month by its ordinal: "the 1st of each month"; not a floor or a place in a race.
    expect(holdsAnswerType("The rent is payable in advance on the 1st of each month.", "date")).toBe(true);
    expect(holdsAnswerType("The office is on the 3rd floor.", "date")).toBe(false);
    expect(holdsAnswerType("It opened in May.", "date")).toBe(true);
    // "Spring" and "fall" say when as seasons only.
    expect(holdsAnswerType("It reopens in the spring.", "date")).toBe(true);
    expect(holdsAnswerType("Prices fall when demand drops.", "date")).toBe(false);
    expect(holdsAnswerType("A spring holds the lid shut.", "date")).toBe(false);
  });

  it("When the best sentence says only where the asked thing is published, Then it does not hold the answer, unless the question asks where or how to find out", async () => {
    const notice = "Office opening times over bank holidays are displayed on the noticeboard at reception.";
    const [yesNo] = await weighEvidence("is the storage office open on bank holiday mondays", passagesOf(notice), { idf, ranking: TEST_RANKING });
    expect(yesNo).toMatchObject({ typed: true, typeMatch: false });
    expect(defersElsewhere(notice)).toBe(true);
    for (const question of ["where can I see the bank holiday opening times", "how will I know if training is cancelled", "which website are results published on"]) {
      expect(asksForWhatIsPublished(question)).toBe(false);
    }
    // Published on a date, not somewhere: "The season is scheduled to be released on March 8, 2018".
    expect(defersElsewhere("Results are published in August.")).toBe(false);
    // A value beside where it is shown is said: "costs £60 and must be displayed on the dashboard".
    const [permit] = await weighEvidence("is a season parking permit dear", passagesOf("A season parking permit costs £60 and must be displayed on the dashboard."), { idf, ranking: TEST_RANKING });
    expect(permit).toMatchObject({ typed: false });
  });

  it("When the best-ranked sentence lacks the kind of answer asked for, Then one that has it and covers the question as fully is the answer, whatever its passage's rank", async () => {
    const passages = passagesOf(
      "Users with grant deadlines may request priority access by emailing the Facility Manager with a brief justification.",
      "Requests are considered at the Facility Manager's discretion.",
      "Bookings open on the first of each month.",
      "Facility Manager: Dr. Marisol Quintero",
    );
    // The shipped ranking puts the labelled line first itself; without that feature, a sentence lacking the name ranks first.
    const bundled = await weighEvidence("Who is the facility manager?", passages, { idf, ranking: BUNDLED_CALIBRATION.ranking });
    expect(bundled[0]?.text).toBe("Facility Manager: Dr. Marisol Quintero");
    const ranking = { ...BUNDLED_CALIBRATION.ranking, weights: { ...BUNDLED_CALIBRATION.ranking.weights, labelled: 0 } };
    const evidence = await weighEvidence("Who is the facility manager?", passages, { idf, ranking });
    expect(evidence[0]).toMatchObject({ typed: true, typeMatch: false });
    expect(bestSentence(evidence)?.text).toBe("Facility Manager: Dr. Marisol Quintero");
    // It is quoted first, and the sentences ranked above it still follow it.
    const { answer } = extractiveDraft("Who is the facility manager?", evidence, false, "extractive");
    expect(answer.indexOf("Marisol Quintero")).toBeLessThan(answer.indexOf("emailing the Facility Manager"));
    expect(answer).toContain("emailing the Facility Manager");
    // Covering less of the question, it is not.
    const less = await weighEvidence("Who is the facility manager?", passagesOf(passages[0]!.chunk.text, "Manager: Dr. Marisol Quintero"), { idf, ranking });
    expect(bestSentence(less)?.text).toMatch(/^Users with grant deadlines/);
  });

  it("When a sentence sits under a heading that names the question's subject, Then it may be quoted as the answer without naming it", async () => {
    const chunk = (heading: string, text: string) => ({ ...passagesOf(text)[0]!, chunk: { ...passagesOf(text)[0]!.chunk, headingPath: ["Visiting the garden", heading] } });
    const tickets = [chunk("Tickets", "Adults pay 12 euros, students 8 euros.")];
    const evidence = await weighEvidence("How much is a ticket?", tickets, { idf, ranking: TEST_RANKING });
    expect(evidence[0]!.coverage).toBe(0);
    expect(bestSentence(evidence)?.text).toBe("Adults pay 12 euros, students 8 euros.");
    // The document's title alone is no section: every sentence of the document is under it.
    const titled = [{ ...tickets[0]!, chunk: { ...tickets[0]!.chunk, title: "Tickets", headingPath: ["Tickets"] } }];
    expect(bestSentence(await weighEvidence("How much is a ticket?", titled, { idf, ranking: TEST_RANKING }))).toBeUndefined();
    // A plain-text document's headings are sections below its title line, which is not among them.
    const plainText = [{ ...tickets[0]!, chunk: { ...tickets[0]!.chunk, title: "Visiting the garden", headingPath: ["Tickets"] } }];
    expect(bestSentence(await weighEvidence("How much is a ticket?", plainText, { idf, ranking: TEST_RANKING }))?.text).toBe("Adults pay 12 euros, students 8 euros.");
  });

  it("When the only number of a sentence is one the question uses, Then it does not answer how many or when", () => {
    const question = new Set(["when", "did", "the", "2018", "world", "cup", "start"]);
    expect(holdsAnswerType("The 2018 World Cup was held in Russia.", "date", question)).toBe(false);
    expect(holdsAnswerType("The 2018 World Cup began on 14 June.", "date", question)).toBe(true);
    expect(holdsAnswerType("The 2018 World Cup final was played in 2018 by 2 teams.", "number", question)).toBe(true);
    expect(holdsAnswerType("The 2018 World Cup was held in Russia.", "number", question)).toBe(false);
    // A rate is a number, a share or a sum.
    expect(expectedAnswerType("What VAT rate do UK customers pay?")).toBe("number");
    expect(expectedAnswerType("first-rate service")).toBe("any");
    expect(expectedAnswerType("what's the sales tax rate on the packages")).toBe("number");
    // Charged by the hour or the day, a rate is a sum; an interest rate is still a share.
    expect(expectedAnswerType("online A level rate per hour")).toBe("amount");
    expect(expectedAnswerType("what is the hourly rate for a tutor")).toBe("amount");
    expect(expectedAnswerType("interest rate per month")).not.toBe("amount");
    // A time of day is no size, age or share.
    expect(holdsAnswerType("The heated pool is open 10:00am to 7:00pm.", "number")).toBe(false);
    expect(holdsAnswerType("The pool is open from 10:00 to 19:00.", "number")).toBe(false);
    expect(holdsAnswerType("The pool is 1.4 metres deep.", "number")).toBe(true);
    // "One" standing for someone is no number: "with one of our team helping" says no age.
    const age = new Set(["how", "old", "do", "you", "need", "to", "be", "help", "out", "at", "the", "farm"]);
    expect(holdsAnswerType("Children can hold the rabbits with one of our team helping.", "number", age)).toBe(false);
    expect(holdsAnswerType("Volunteers must be sixteen or over.", "number", age)).toBe(true);
  });

  it("When a question asks for a telephone number, an e-mail address or a website, Then only a sentence giving one answers it, and its digits count nothing", async () => {
    expect(expectedAnswerType("What is the help desk phone number?")).toBe("phone");
    expect(expectedAnswerType("What's the library’s phone number?")).toBe("phone");
    expect(expectedAnswerType("What number do I call for IT?")).toBe("phone");
    expect(expectedAnswerType("help desk phone number")).toBe("phone");
    expect(expectedAnswerType("phone number for the disability advice team")).toBe("phone");
    expect(expectedAnswerType("aquaclean customer service number")).toBe("phone");
    // Whose it is may come after it; what to do to it may not.
    expect(expectedAnswerType("support phone number pipewell")).toBe("phone");
    expect(expectedAnswerType("disability resource center phone number temporary medical permit")).toBe("phone");
    expect(expectedAnswerType("phone number on my account wrong")).toBe("any");
    expect(expectedAnswerType("phone number change")).toBe("any");
    // Whom to ring is a number to ring; whom to ask, or who called a meeting, is someone.
    expect(expectedAnswerType("my boiler's packed in and its freezing, who do I ring")).toBe("phone");
    expect(expectedAnswerType("is there anyone I can ring at 2am if my dog seems poorly")).toBe("phone");
    expect(expectedAnswerType("who do I contact")).toBe("person");
    expect(expectedAnswerType("Who called the meeting?")).toBe("person");
    expect(expectedAnswerType("email for the IT help desk")).toBe("email");
    expect(expectedAnswerType("helpdesk email")).toBe("email");
    expect(expectedAnswerType("email receipts setting")).toBe("any");
    // The number says what it is: a sentence giving one covers "phone number" without saying "phone".
    const [roadside] = await weighEvidence("roadside assistance phone number", passagesOf("Varden Assist (24h roadside assistance): 0800 046 2299"), { idf, ranking: TEST_RANKING });
    expect(roadside!.coverage).toBe(1);
    expect(expectedAnswerType("What is the email address of the library?")).toBe("email");
    expect(expectedAnswerType("What's the support email?")).toBe("email");
    expect(expectedAnswerType("What is the website of the shop?")).toBe("url");
    // An address asked for is a postal one: a department named is none.
    const address = new Set(["what", "is", "the", "mailing", "address", "for", "claim", "forms"]);
    expect(expectedAnswerType("What's the mailing address for paper claim forms?")).toBe("address");
    expect(holdsAnswerType("Paper claim forms can also be mailed to our Claims Department.", "address", address)).toBe(false);
    expect(holdsAnswerType("Northpaw Insurance Company, 410 Riverside Drive, Columbus, OH 43215", "address", address)).toBe(true);
    expect(holdsAnswerType("Write to us at PO Box 12, Leeds LS1 4AP.", "address", address)).toBe(true);
    // Where to go to address someone asks for a place, by the verb.
    expect(expectedAnswerType("In May 2002, where would you go to address the Parliament?")).toBe("place");
    // A body's name with what it is of names no one: "the other two judges" are not "Blue Ridge School of Photography".
    const judges = new Set(["who", "are", "the", "other", "two", "judges", "apart", "from", "marcus", "delacroix"]);
    expect(holdsAnswerType("The lead judge is Marcus Delacroix, an instructor at the Blue Ridge School of Photography.", "person", judges)).toBe(false);
    // A role spelt with a capital names no one; a name holding a role keeps its other words.
    const officer = new Set(words("Who is the Biosafety Officer?"));
    expect(holdsAnswerType("Samples require written approval from the Facility Manager and, where relevant, the Biosafety Officer.", "person", officer)).toBe(false);
    expect(holdsAnswerType("The Biosafety Officer is Dr Lena Okoro.", "person", officer)).toBe(true);
    expect(holdsAnswerType("Questions go to Professor Okafor.", "person", officer)).toBe(true);
    expect(holdsAnswerType("Policy questions: People Operations, peopleops@halvorsendata.example", "person", new Set(words("Who is the owner of the remote working policy?")))).toBe(false);
    expect(holdsAnswerType("The match ended in King's win.", "person", new Set(words("who won battle of the sexes tennis game")))).toBe(true);
    // An address need not say "address": the street says what it is.
    const [library] = await weighEvidence("What is the library's address?", passagesOf("Riverside Library, 410 Riverside Drive, Columbus, OH 43215"), { idf, ranking: TEST_RANKING });
    expect(library!.coverage).toBe(1);
    // A postal address is a place; a search for one is short ("library address"), not a speech ("the state of the nation address").
    expect(expectedAnswerType("What is the library's address?")).toBe("address");
    expect(expectedAnswerType("library address")).toBe("address");
    expect(expectedAnswerType("time of the state of the nation address")).toBe("any");
    // Asking whether, or about the numbers themselves, asks for none.
    expect(expectedAnswerType("Can I read work email on my own phone?")).toBe("any");
    expect(expectedAnswerType("What is the email policy?")).toBe("any");
    expect(expectedAnswerType("what do mobile numbers start with in the uk")).toBe("any");

    const contact = "Call extension 4400 or email helpdesk@northwind.example.";
    expect(holdsAnswerType(contact, "phone")).toBe(true);
    expect(holdsAnswerType(contact, "email")).toBe(true);
    expect(holdsAnswerType("Urgent problems go to the on-call engineer on 0113 496 0000.", "phone")).toBe(true);
    expect(holdsAnswerType("Call +44 20 7946 0000 or (555) 123-4567.", "phone")).toBe(true);
    expect(holdsAnswerType("Phone:  1-800-555-0147", "phone")).toBe(true);
    expect(holdsAnswerType("The help desk is staffed from 8:00 to 18:00.", "phone")).toBe(false);
    expect(holdsAnswerType("It ran from 23-25 April 2025.", "phone")).toBe(false);
    expect(holdsAnswerType("Reset your password at reset.northwind.example.", "url")).toBe(true);
    expect(holdsAnswerType("Write to help@riverside-library.example.", "url")).toBe(false);
    // A telephone number counts nothing: it does not say how many laptops.
    expect(holdsAnswerType("Report a lost laptop on 0113 496 0000.", "count")).toBe(false);
    expect(holdsAnswerType("Report a lost laptop on 0113 496 0000 within 24 hours.", "number")).toBe(true);

    const evidence = await weighEvidence("What is the help desk phone number?", passagesOf(`The help desk is staffed from 8:00 to 18:00 on working days. ${contact}`), { idf, ranking: TEST_RANKING });
    const call = evidence.find((s) => s.text.startsWith("Call"))!;
    expect(call).toMatchObject({ typed: true, typeMatch: true });
    expect(evidence.find((s) => s.text.startsWith("The help desk"))).toMatchObject({ typed: true, typeMatch: false });
  });
});

describe("uncertain answers", () => {
  it("When the assessment is uncertain, Then the closest passage is quoted, with its citation, and the draft says it is uncertain", async () => {
    const passages = passagesOf("The forum took place in Hangzhou, China, from 23-25 April 2025.");
    const evidence = await weighEvidence("When was the forum held?", passages, { idf, ranking: TEST_RANKING });
    const draft = await new ExtractiveAnswerer().answer({ question: "When was the forum held?", passages, evidence, assessment: assessmentOf("uncertain") });
    expect(draft).toMatchObject({ uncertain: true, abstained: false, cited: [1] });
    expect(draft.answer).toBe("The forum took place in Hangzhou, China, from 23-25 April 2025 [1].");
  });
});

describe("the role asked about", () => {
  it("When a sentence names the role asked about only as another (deputy, vice, acting…), Then it does not have the kind of answer asked for", async () => {
    const question = "Who is the director of the Casa del Alabado?";
    expect(namesAnotherRole(question)("María Elena Espinoza (Deputy Director, Casa del Alabado Museum)")).toBe(true);
    expect(namesAnotherRole(question)("Ore Disu (Director, Casa del Alabado)")).toBe(false);
    // In a list, the mention nearest the question's other words counts, not the others.
    const panel = "She was joined by María Elena Espinoza (Deputy Director, Casa del Alabado Museum, Ecuador) and Ore Disu (Director, Museum of West African Art).";
    expect(namesAnotherRole(question)(panel)).toBe(true);
    expect(namesAnotherRole("Who is the director of the Museum of West African Art?")(panel)).toBe(false);
    expect(namesAnotherRole(question)("Ana Ruiz, director of the Casa del Alabado, and her deputy director")).toBe(false);
    expect(namesAnotherRole("Who is the deputy director?")("María Elena Espinoza (Deputy Director)")).toBe(false);
    // Asked about the deputy, the role without its qualifier is another's.
    expect(namesAnotherRole("Who is the deputy club manager?")("Club Manager: Sarah Jones")).toBe(true);
    expect(namesAnotherRole("Who is the deputy club manager?")("Our deputy manager, Tom Reid, runs Saturdays.")).toBe(false);
    expect(namesAnotherRole("who is the vice president")("President: Ana Ruiz")).toBe(true);
    expect(namesAnotherRole("who is the vice president")("Vice President: Li Wei")).toBe(false);
    expect(namesAnotherRole("What school was Walter Camp a captain for?")("Walter Camp (former captain of the Yale football team)")).toBe(false);
    const passages = passagesOf("María Elena Espinoza is Deputy Director of the Casa del Alabado museum in Quito.");
    const [best] = await weighEvidence("Who is the director of the Casa del Alabado museum?", passages, { idf, ranking: TEST_RANKING });
    expect(best).toMatchObject({ typed: true, typeMatch: false });
  });

  it("When a sentence names the role asked about at another organisation, Then it does not have the kind of answer asked for", () => {
    const panel = "She was joined by Ore Disu (Director, Museum of West African Art, Nigeria) and Gábor Zsigmond (Director-General, Hungarian National Museum, Hungary).";
    expect(namesAnotherRole("Who is the Director-General of UNESCO?")(panel)).toBe(true);
    expect(namesAnotherRole("Who is the Director-General of the Hungarian National Museum?")(panel)).toBe(false);
    expect(namesAnotherRole("Who is the CEO of the Finnish Museum Association?")("Petra Havu is also the CEO of the Finnish Museums Association.")).toBe(false);
    expect(namesAnotherRole("Who is the CEO of NEMO?")("Petra Havu is also the CEO of the Finnish Museums Association.")).toBe(true);
    // A role named without where it is held says nothing against it.
    expect(namesAnotherRole("Who is the chair of NEMO?")("Petra Havu is the chair.")).toBe(false);
  });

  it("When a question sets a role aside ('Besides chairing NEMO, what other position …'), Then a sentence naming no role but that one does not answer it", async () => {
    const question = "Besides chairing NEMO, what other position does Petra Havu hold?";
    expect(namesAnotherRole(question)("On 24 April 2025, NEMO Chairperson Petra Havu moderated a panel.")).toBe(true);
    expect(namesAnotherRole(question)("Petra Havu, who is also the CEO of the Finnish Museums Association, was invited.")).toBe(false);
    expect(namesAnotherRole(question)("Petra Havu chairs NEMO and is the CEO of the Finnish Museums Association.")).toBe(false);
    // Asked without setting it aside, the chair is the answer.
    expect(namesAnotherRole("What position does Petra Havu hold at NEMO?")("NEMO Chairperson Petra Havu moderated a panel.")).toBe(false);
    const passages = passagesOf("On 24 April 2025, NEMO Chairperson Petra Havu moderated a panel.", "Petra Havu, who is also the CEO of the Finnish Museums Association, was invited.");
    const [best] = await weighEvidence(question, passages, { idf, ranking: TEST_RANKING });
    expect(best!.text).toContain("CEO");
  });
});

describe("answer types for who and where", () => {
  it("When a query names the kind of answer by a noun (a search-style query, or a question headed by it), Then that kind is asked for", () => {
    expect(expectedAnswerType("forum location")).toBe("place");
    expect(expectedAnswerType("fast & furious 8 release date in india")).toBe("day");
    expect(expectedAnswerType("season 2 this is us number of episodes")).toBe("count");
    expect(expectedAnswerType("What is the total number of professors at Harvard?")).toBe("count");
    expect(expectedAnswerType("what was the release date of the album")).toBe("day");
    expect(expectedAnswerType("third president of the united states of america")).toBe("person");
    expect(expectedAnswerType("original cast of the great comet")).toBe("person");
    expect(expectedAnswerType("panel moderator")).toBe("person");
    expect(expectedAnswerType("cast iron pan seasoning")).toBe("any");
    // The noun deep inside a question with another question word asks for nothing.
    expect(expectedAnswerType("who decides the number of judges in the high court")).toBe("person");
    expect(expectedAnswerType("Who started the state of the union address")).toBe("person");
    expect(expectedAnswerType("the elements in each period have the same number of")).toBe("any");
  });

  it("When a question asks who or where, Then only a sentence naming someone or somewhere new can answer it", () => {
    expect(expectedAnswerType("who sings the song let it be")).toBe("person");
    expect(expectedAnswerType("where was the forum held")).toBe("place");
    const question = new Set(["where", "does", "gehane", "nabil", "work"]);
    expect(holdsAnswerType("She was joined by Gehane Nabil (Director, Grand Egyptian Museum, Egypt).", "place", question)).toBe(true);
    expect(holdsAnswerType("Gehane Nabil spoke about learning.", "place", question)).toBe(false);
    // Where something is in a body or a building is said with common nouns.
    const bladder = new Set(["where", "is", "the", "urinary", "bladder", "located"]);
    expect(holdsAnswerType("The urinary bladder sits in the pelvis.", "place", bladder)).toBe(true);
    expect(holdsAnswerType("The urinary bladder stores urine.", "place", bladder)).toBe(false);
    expect(holdsAnswerType("The urinary bladder is described in the bladder article.", "place", bladder)).toBe(false);
    // Where a file or folder is: its path or a settings file's name, which software documents write in lower case.
    const config = new Set(["where", "is", "the", "config", "file"]);
    for (const path of ["tallyctl reads its settings from `~/.tallyctl.toml`.", "Logs are written to /var/log/app.", "Edit c:\\app\\app.ini first.", "your settings live in settings.json."]) {
      expect(holdsAnswerType(path, "place", config)).toBe(true);
    }
    for (const notPath of ["it is open 24/7, and/or at 30 km/h.", "run tallyctl init to create the file."]) expect(holdsAnswerType(notPath, "place", config)).toBe(false);
  });

  it("When a question asks for the name of someone by their role, Then a person is asked for, and a capitalised stop word or a cell's name is no one's name", () => {
    expect(expectedAnswerType("what's the finance director's name?")).toBe("person");
    expect(expectedAnswerType("name of the year 3 class teacher")).toBe("person");
    expect(expectedAnswerType("What is the name of the panel Havu moderated?")).toBe("any");
    // Or by their trade: "-ist", "-ician", "-maker", a chaplain, but not a playlist.
    for (const question of ["What's the name of the orthodontist you send kids to for braces?", "whats the night porter's name", "what's the name of your lash and brow specialist", "what's the winemaker's name", "what's the name of the hospice chaplain"]) {
      expect(expectedAnswerType(question)).toBe("person");
    }
    expect(expectedAnswerType("what is the name of the playlist")).toBe("any");
    // "who" after a clause asks for someone too.
    expect(expectedAnswerType("I'm struggling to pay my bills, who can help me")).toBe("person");
    const question = new Set(words("what's the finance director's name?"));
    // A table's row: "Over" starts a cell, "Who approves" names a column; neither is a person.
    expect(holdsAnswerType("Claim value: Over £1,000; Who approves: Finance Director", "person", question)).toBe(false);
    expect(holdsAnswerType("The Finance Director is Maria Lopez.", "person", question)).toBe(true);
    // Capitals before a body's noun name the body: "the Family Support team" is no one.
    const chaplain = new Set(words("what's the name of the hospice chaplain"));
    expect(holdsAnswerType("Our chaplain and the Family Support team are available to talk with volunteers.", "person", chaplain)).toBe(false);
    expect(holdsAnswerType("Speak to Helen Marsh or the Events team.", "person", chaplain)).toBe(true);
  });

  it("When a question asks who, Then a sentence's full stop, a day or a month does not make a word someone's name", () => {
    const question = new Set(words("who is the waste services manager"));
    // "Manager." had been a name the question does not use, and "Monday" and "Friday" names.
    expect(holdsAnswerType("You can ask for your complaint to be reviewed by the Waste Services Manager.", "person", question)).toBe(false);
    expect(holdsAnswerType("Waste Services: 0300 123 7720, Monday to Friday 8:30am to 5pm.", "person", question)).toBe(false);
    expect(holdsAnswerType("The Waste Services Manager is Dana Whitfield.", "person", question)).toBe(true);
    // "the Chair", "the AGM": a role and a meeting, not who.
    const successor = new Set(words("who is taking over from Helen Marsh as bookings secretary"));
    expect(holdsAnswerType("Helen Marsh has told the Chair that she will step down as bookings secretary at the AGM.", "person", successor)).toBe(false);
    expect(holdsAnswerType("Helen Marsh will be followed by Priya Shah.", "person", successor)).toBe(true);
  });

  it("When a question asks who or where, Then a holiday names no one, and a day, a month, a holiday or a time after a preposition is no place", () => {
    const where = new Set(words("where is the next committee meeting being held"));
    expect(holdsAnswerType("The next committee meeting will be held on Tuesday 8 April 2025 at 7:30pm.", "place", where)).toBe(false);
    expect(holdsAnswerType("Bins are collected a day late over Christmas and in the summer.", "place", where)).toBe(false);
    expect(holdsAnswerType("Please book at least two days in advance.", "place", where)).toBe(false);
    expect(holdsAnswerType("The next committee meeting will be held in the clubhouse on Tuesday.", "place", where)).toBe(true);
    const who = new Set(words("who are the parents running the under 9s"));
    expect(holdsAnswerType("The under-9s have been without a head coach since Christmas and are being run by two parents.", "person", who)).toBe(false);
    expect(holdsAnswerType("The under-9s are being run by two parents, Sam Okafor and Jo Reed.", "person", who)).toBe(true);
    // A name ending in what names a body, a place or an event is no one's.
    const referee = new Set(words("who is refereeing the cup semi-final against Longford Town"));
    expect(holdsAnswerType("Raj confirmed that the first team has reached the semi-final of the Kettlewood Senior Cup.", "person", referee)).toBe(false);
    expect(holdsAnswerType("The match is at the Grand Egyptian Museum on Quay Street.", "person", referee)).toBe(false);
    expect(holdsAnswerType("Raj confirmed that Tom Hale of the Kettlewood Referees Society will referee it.", "person", referee)).toBe(true);
    // After "the" too: "the School of Education" is a body, not a "School" and someone called Education.
    const advisor = new Set(words("Who is the career advisor for engineering students?"));
    expect(holdsAnswerType("Students in the College of Engineering and the School of Education have designated advisors too.", "person", advisor)).toBe(false);
    expect(holdsAnswerType("Daniel Osei, Career Advisor, College of Nursing and Health Professions", "person", advisor)).toBe(true);
    // Nor do "I'm", an acronym qualifying a noun ("NHS braces"), or someone who leads a group for where it meets.
    const insurer = new Set(words("who is Isla's insurance with"));
    expect(holdsAnswerType("I hold £5 million public liability insurance, and I'm happy to send a copy of the certificate.", "person", insurer)).toBe(false);
    expect(holdsAnswerType("My insurance is with Hiscox.", "person", insurer)).toBe(true);
    expect(holdsAnswerType("Private orthodontic assessment (for children not eligible for NHS braces): £95", "person", new Set(words("what's the name of the orthodontist")))).toBe(false);
    expect(holdsAnswerType("They lost to UMBC in the first round.", "person", new Set(words("who did virginia lose to")))).toBe(true);
    // A value in a clause said of another name is that name's.
    const plots = new Set(words("How many plots are there at Cherry Orchard Road?"));
    expect(holdsAnswerType("The Council manages allotment sites: Millbrook Lane, which has 42 plots, and Cherry Orchard Road.", "count", plots)).toBe(false);
    expect(holdsAnswerType("Cherry Orchard Road, which has 30 plots, opened in 1990.", "count", plots)).toBe(true);
    // Nor the rest of the name of someone the question names.
    const judges = new Set(words("who are the other judges apart from Dr. Okoro"));
    expect(holdsAnswerType("Our panel has four judges, including Dr. Lena Okoro.", "person", judges)).toBe(false);
    expect(holdsAnswerType("The other judges are Sam Reid and Dr. Lena Okoro.", "person", judges)).toBe(true);
    expect(holdsAnswerType("Our panel has four judges, including Lena J. Okoro.", "person", judges)).toBe(false);
    // Nor what a role is of: "CTO of CivicGrid" names a company, though "Head of Year 9, Mr Patel" still names him.
    expect(holdsAnswerType("Our panel has four judges, including Dr. Lena Okoro, CTO of CivicGrid.", "person", judges)).toBe(false);
    expect(holdsAnswerType("The judges are Dr. Lena Okoro, CTO of CivicGrid, and Head of Year 9, Mr Patel.", "person", judges)).toBe(true);
    // A sentence's capitalised first word is no part of a name: "Contact" is the question's word, Gareth Evans is new.
    expect(holdsAnswerType("Contact Gareth Evans, our Service Charge Manager, for a breakdown.", "person", new Set(words("Who should I contact to get a breakdown of my service charge?")))).toBe(true);
    // A run of names ends with its sentence.
    const escalate = new Set(words("who can I complain to if customer care doesn't sort my problem out"));
    expect(holdsAnswerType("Complaints can be escalated to our manager, Denise Calloway. BrightWay Customer Care", "person", escalate)).toBe(true);
    expect(holdsAnswerType("The restaurant's menu is cooked by our Head Chef Rosalind Achebe.", "person", new Set(words("Who is the head chef at the Copper Hare?")))).toBe(true);
    const meets = new Set(words("where does lantern youth meet"));
    expect(holdsAnswerType("Lantern Youth is led by Hannah Grieve, and all our youth leaders hold enhanced DBS certificates.", "place", meets)).toBe(false);
    expect(holdsAnswerType("Lantern Youth is run by Hannah Grieve at the Scout Hut on Mill Road.", "place", meets)).toBe(true);
  });

  it("When a question asks which pharmacy, gym or café, Then it asks for one by name: a sentence saying only that several are open names none", () => {
    expect(expectedAnswerType("which pharmacies in Kettlewood are open late")).toBe("organisation");
    const asked = new Set(words("which pharmacies in Kettlewood are open late"));
    expect(holdsAnswerType("Several pharmacies in Kettlewood are open late on weekdays.", "organisation", asked)).toBe(false);
    expect(holdsAnswerType("Boots on the High Street is open until 10pm.", "organisation", asked)).toBe(true);
    // Some of the kind asked about, named by whose they are, are still not named.
    const branches = new Set(words("which library branches take cash for the access pass"));
    expect(holdsAnswerType("Cash payment for the Access Pass is accepted at participating Riverton Public Library branches.", "organisation", branches)).toBe(false);
    expect(holdsAnswerType("Cash is accepted at the Central and Eastside branches.", "organisation", branches)).toBe(true);
    // Some of another kind name which: "selected Tesco stores" says which supermarket.
    expect(holdsAnswerType("Vouchers are sold at selected Tesco stores.", "organisation", new Set(words("which supermarkets sell vouchers")))).toBe(true);
    // An acronym qualifying a noun names no body: "the UK mainland" is no courier.
    const courier = new Set(words("which courier company do you use to send seeds"));
    expect(holdsAnswerType("Seeds can be sent anywhere on the UK mainland by tracked courier.", "organisation", courier)).toBe(false);
    expect(holdsAnswerType("We use DPD for all parcels.", "organisation", courier)).toBe(true);
  });

  it("When a question names a post office, a postbox or a postcode, Then it asks for no role", () => {
    expect(expectedAnswerType("What time does the post office counter close on Wednesdays?")).toBe("time");
    expect(expectedAnswerType("what post does she hold")).toBe("role");
  });

  it("When a query asks for opening hours or times, Then a time of day is asked for, and 'times' or 'hours' need not be said", () => {
    expect(expectedAnswerType("blood tests friday times")).toBe("time");
    for (const query of ["riverside urgent treatment centre opening times", "What are the surgery hours on Saturday?", "library opening hours", "What are the phone support hours for help with a restore?"]) {
      expect(expectedAnswerType(query)).toBe("date");
    }
    expect(expectedAnswerType("how many hours a week do volunteers work")).toBe("number");
    expect(expectedAnswerType("new york times crossword")).toBe("any");
    for (const query of ["breakfast times on board", "what are the breakfast times", "train times to york"]) expect(expectedAnswerType(query)).toBe("date");
    expect(expectedAnswerType("how many times can I resit")).toBe("count");
    expect(holdsAnswerType("Day: Friday; Doors open: 8:00am to 6:30pm; Notes: Blood tests 8:00am to 11:00am", "time", new Set(words("blood tests friday times")))).toBe(true);
    expect(expectedAnswerType("Eastfield collection day")).toBe("date");
  });

  it("When a question asks what times, which days or an amount, Then it asks for that kind of answer, in the plural or searched for", () => {
    expect(expectedAnswerType("what times do the buses run between christmas and new year")).toBe("time");
    expect(expectedAnswerType("which days can I book a quiet hour appointment for my nervous dog")).toBe("date");
    expect(expectedAnswerType("rabbit vet which days")).toBe("date");
    expect(expectedAnswerType("veterans scholarship amount")).toBe("amount");
    expect(holdsAnswerType("You can earn referral credit for up to 10 friends per calendar year.", "amount", new Set(words("referral credit amount")))).toBe(false);
    expect(expectedAnswerType("what amount of sleep do teenagers need")).toBe("number");
    expect(expectedAnswerType("is there a limit on the amount I can borrow")).toBe("any");
    const asked = new Set(words("which days can I book a quiet hour appointment"));
    expect(holdsAnswerType("For anxious dogs we offer Quiet Hour appointments on selected days.", "date", asked)).toBe(false);
    expect(holdsAnswerType("Quiet Hour runs on Tuesdays and Thursdays.", "date", asked)).toBe(true);
  });

  it("When 'when' joins a clause, Then the question asks for no date; opening it, before a verb or last, it does", () => {
    expect(expectedAnswerType("upfront payment when instructing solicitor")).toBe("any");
    expect(expectedAnswerType("can I bring my dog when I visit the grave")).toBe("any");
    expect(expectedAnswerType("who was president when the panama canal was built")).toBe("person");
    expect(expectedAnswerType("where can I leave my car when I come for my class")).toBe("place");
    for (const question of ["When is the gym open?", "my son was throwing up last night, when can he go back to school?", "I want to quit, by when do I have to tell someone", "induction when"]) {
      expect(expectedAnswerType(question)).toBe("date");
    }
  });

  it("When a question opens by asking how many, Then it asks for a count, though it names a price", () => {
    expect(expectedAnswerType("How many miles a day are included in the price?")).toBe("count");
    expect(expectedAnswerType("how many pounds does it cost")).toBe("amount");
    expect(expectedAnswerType("how many days does a refund take")).toBe("number");
    expect(expectedAnswerType("dispute a charge how many days")).toBe("number");
    // Nor does one opening "who", "why", "when", "how long" or "how far" ask for a sum because it names a charge.
    expect(expectedAnswerType("Who should I contact to get a breakdown of my service charge?")).toBe("person");
    expect(expectedAnswerType("how long have I got to complain about a wrong charge on my account?")).toBe("length");
    expect(expectedAnswerType("why do you charge me if i cancel late")).toBe("any");
    expect(expectedAnswerType("When are the service charge payments due?")).toBe("date");
    expect(expectedAnswerType("how much is the service charge")).toBe("amount");
    expect(expectedAnswerType("how much for the hot stone massage")).toBe("amount");
    expect(expectedAnswerType("gift aid how much extra")).toBe("amount");
  });

  it("When a question asks what time, Then a time of day answers it, not any date", () => {
    for (const question of ["What time does the museum close on Thursdays?", "what time of day is coursework due", "what time do I have to put my bin out"]) {
      expect(expectedAnswerType(question)).toBe("time");
    }
    expect(expectedAnswerType("what time of year is best to visit")).toBe("date");
    expect(expectedAnswerType("bag drop closing time")).toBe("time");
    expect(expectedAnswerType("morning exam line up time")).toBe("time");
    expect(expectedAnswerType("what hours is the pup cam on")).toBe("time");
    const asked = new Set(words("What time does the museum close on Thursdays?"));
    expect(holdsAnswerType("The museum is also closed on Thanksgiving Day, December 25, and January 1.", "time", asked)).toBe(false);
    expect(holdsAnswerType("Family meetings can be arranged on weekdays.", "time", asked)).toBe(false);
    for (const said of ["Thursday: 10 a.m. to 9 p.m.", "Core hours are 10:00 to 16:00.", "Put your bin out the night before collection.", "The office closes at noon."]) {
      expect(holdsAnswerType(said, "time", asked)).toBe(true);
    }
    expect(holdsAnswerType("The standard rate is £4.50 for 2 hours.", "time", asked)).toBe(false);
  });

  it("When a question asks for a sum or a discount, Then a time of day is no sum, and a discount said to be given is no share", () => {
    const boarding = new Set(words("how much is overnight boarding"));
    expect(holdsAnswerType("If a dog has not been collected by 7:30 p.m., it will be kept overnight at our boarding rate, charged to your card.", "amount", boarding)).toBe(false);
    expect(holdsAnswerType("Overnight boarding is charged at $55 per night.", "amount", boarding)).toBe(true);
    const fine = new Set(words("what's the fine if I stay longer than 20 minutes in the drop-off bays"));
    expect(holdsAnswerType("Blue Badge holders may park free of charge in the disabled bays.", "amount", fine)).toBe(false);
    // A number that is no money beside a word naming money is no sum either.
    expect(holdsAnswerType("Blue Badge holders may park free of charge in the bays on levels 0 and 1.", "amount", fine)).toBe(false);
    expect(holdsAnswerType("Overstaying costs a flat 40 and is charged to your card.", "amount", fine)).toBe(true);
    expect(holdsAnswerType("Entry is free for children under 5.", "amount", new Set(words("how much is entry for a toddler")))).toBe(true);
    expect(expectedAnswerType("what discount does the Swan Inn give our guests")).toBe("number");
    expect(expectedAnswerType("what is the hotel discount code")).not.toBe("number");
    const discount = new Set(words("what discount does the Swan Inn give our guests"));
    expect(holdsAnswerType("The Swan Inn offers a discount to Hollin Hall wedding guests.", "number", discount)).toBe(false);
    expect(holdsAnswerType("The Swan Inn gives our guests 15% off.", "number", discount)).toBe(true);
  });

  it("When a length of time has a word between its number and its unit ('10 to 15 working days'), Then it is still a length, and counts nothing", () => {
    const asked = new Set(words("how long will my repair take"));
    expect(holdsAnswerType("Most repairs are completed within 10 to 15 working days.", "length", asked)).toBe(true);
    expect(holdsAnswerType("Allow two full weeks for delivery.", "length", asked)).toBe(true);
    expect(holdsAnswerType("Repairs are carried out by our service centre in Northampton.", "length", asked)).toBe(false);
    expect(holdsAnswerType("Claims are answered within 5 working days.", "count", new Set(words("how many claims are answered")))).toBe(false);
    // How far ahead or away is a length too, not any number.
    expect(expectedAnswerType("how far in advance can I book a desk")).toBe("length");
    const advance = new Set(words("how far in advance can I book a desk"));
    expect(holdsAnswerType("Kestrel House has 64 desks for 90 staff.", "length", advance)).toBe(false);
    expect(holdsAnswerType("Desks can be booked up to 14 days ahead.", "length", advance)).toBe(true);
  });

  it("When a query asks for an excess, a deadline, an age limit, a length or how much notice, Then it asks for a sum, a date, a number or a length", () => {
    expect(expectedAnswerType("accidental damage excess")).toBe("amount");
    expect(expectedAnswerType("excess for a leaking pipe claim")).toBe("amount");
    expect(expectedAnswerType("what happens to excess glucose in the body")).toBe("any");
    expect(expectedAnswerType("deadline for packing crates")).toBe("date");
    expect(expectedAnswerType("what is the deadline for claims")).toBe("date");
    expect(expectedAnswerType("what happens if I miss the deadline")).toBe("any");
    expect(expectedAnswerType("minimum age for the sauna")).toBe("number");
    expect(expectedAnswerType("gym minimum contract length")).toBe("length");
    expect(expectedAnswerType("what is the duration of the course")).toBe("length");
    expect(expectedAnswerType("how much notice do I need to give to quit the gym")).toBe("length");
    expect(holdsAnswerType("Please give at least 48 hours' notice.", "length", new Set(words("how much notice do I need to give")))).toBe(true);
  });

  it("When a question asks how long, Then only a length of time or distance, a span of years, or a year since which, answers it", () => {
    expect(expectedAnswerType("how long is the banana bread in the oven")).toBe("length");
    // Charging a battery is no charge to pay.
    expect(expectedAnswerType("How long does the battery take to charge fully?")).toBe("duration");
    expect(holdsAnswerType("Charging time: approx. 2 hr 30 min (USB-C PD)", "duration")).toBe(true);
    expect(expectedAnswerType("late collection charge")).toBe("amount");
    expect(expectedAnswerType("what is the charge for a replacement card")).toBe("amount");
    expect(expectedAnswerType("Who is in charge of the car parks at Northmoor?")).toBe("person");
    const asked = new Set(words("how long is the banana bread in the oven"));
    // Any number had answered: "one small upgrade", a temperature.
    expect(holdsAnswerType("This is the banana bread my grandmother made every Sunday, with one small upgrade.", "length", asked)).toBe(false);
    expect(holdsAnswerType("Heat the oven to 180°C (160°C fan) / 350°F / Gas Mark 4.", "length", asked)).toBe(false);
    for (const length of ["Bake for 55–65 minutes.", "It comes with a 7-year warranty.", "It takes two and a half hours.", "The Nile is 6,650 km long.", "Warsaw was occupied from 4 August 1915 until November 1918.", "It provided lifetime protection."]) {
      expect(holdsAnswerType(length, "length", asked)).toBe(true);
    }
    // A text's length: pages or words.
    expect(holdsAnswerType("Long papers may be no more than 8 pages, excluding references.", "length", new Set(words("how long can my paper be")))).toBe(true);
    const since = new Set(words("how long have we been celebrating pi day"));
    expect(holdsAnswerType("In 1988, the earliest known celebration of Pi Day was organized by Larry Shaw.", "length", since)).toBe(true);
    expect(holdsAnswerType("In 1988, the earliest known celebration of Pi Day was organized by Larry Shaw.", "length", asked)).toBe(false);
  });

  it("When a question asks how early, late or soon, Then a time, a day or a length of time before or after answers it", () => {
    for (const question of ["how early can I get in on a saturday morning", "how late can I cancel", "how soon will my card arrive", "what's the earliest I can check in"]) {
      expect(expectedAnswerType(question)).toBe("date");
    }
    const asked = new Set(words("how late can I cancel without being charged"));
    expect(holdsAnswerType("Cancel up to 12 hours before the class starts.", "date", asked)).toBe(true);
    expect(holdsAnswerType("Saturday: 7:00am – 2:00pm", "date", asked)).toBe(true);
    expect(holdsAnswerType("Cancel in the app to avoid the fee.", "date", asked)).toBe(false);
  });

  it("When a question asks how long something takes or lasts, Then only a length of time answers it, not a distance nor how often", () => {
    for (const question of ["how long does it take you to fix a leaking supply pipe", "How long does the shuttle take?", "how long will the warranty last", "how long before I get my refund"]) {
      expect(expectedAnswerType(question)).toBe("duration");
    }
    expect(expectedAnswerType("how long is the trail")).toBe("length");
    // How soon a request is acknowledged is not how long until it is resolved, unless that is asked.
    const resolved = new Set(words("If I make a formal complaint how long until it's resolved?"));
    expect(holdsAnswerType("Formal complaints are acknowledged within 2 working days.", "duration", resolved)).toBe(false);
    expect(holdsAnswerType("We acknowledge complaints within 2 days and resolve them within 20 days.", "duration", resolved)).toBe(true);
    expect(holdsAnswerType("Formal complaints are acknowledged within 2 working days.", "duration", new Set(words("how long until I hear back about my complaint")))).toBe(true);
    // A service's response or waiting time is how long one waits for it.
    for (const query of ["emergency plumber response time", "refund processing time"]) expect(expectedAnswerType(query)).toBe("length");
    expect(holdsAnswerType("For genuine emergencies we aim to be with you within 2 hours of your call.", "length", new Set(words("emergency plumber response time")))).toBe(true);
    expect(holdsAnswerType("We offer one free repair of a leaking supply pipe, for pipes up to 25 metres long.", "duration")).toBe(false);
    expect(holdsAnswerType("Our shuttle runs from Millbrook train station every 20 minutes.", "duration")).toBe(false);
    // Nor is a time counted from what the question asks the length of.
    const decision = new Set(words("how long does the adjudicator take to make a decision on a dispute"));
    expect(holdsAnswerType("The scheme pays out the deposit as directed, normally within 10 days of the decision.", "duration", decision)).toBe(false);
    expect(holdsAnswerType("The adjudicator normally makes a decision within 28 days.", "duration", decision)).toBe(true);
    expect(holdsAnswerType("Refunds are made within 14 days of receiving your return.", "duration", new Set(words("how long does a refund take")))).toBe(true);
    // Nor a deadline counted from a start.
    const induction = new Set(words("how long does the fire awareness induction take"));
    expect(holdsAnswerType("All new staff must complete fire awareness induction within their first 5 working days.", "duration", induction)).toBe(false);
    expect(holdsAnswerType("The induction takes 45 minutes, within the first week.", "duration", induction)).toBe(true);
    for (const said of ["The shuttle takes about 15 minutes.", "Repairs are made within 10 working days.", "It provided lifetime protection.", "The ride takes half an hour, with a bus every 20 minutes."]) {
      expect(holdsAnswerType(said, "duration")).toBe(true);
    }
  });

  it("When a question asks what time, Then a part of the day alone does not say it, a named time or the part of a named day does", () => {
    expect(expectedAnswerType("What time does the Junior Gym session start on Saturday?")).toBe("time");
    for (const rough of ["Junior Gym sessions run on Saturday mornings.", "Quiet hours are enforced there overnight."]) expect(holdsAnswerType(rough, "time")).toBe(false);
    for (const said of ["Gates open at dawn.", "Put your bin out the night before collection.", "Sessions start at 9:30am.", "Sessions start at 09:30."]) expect(holdsAnswerType(said, "time")).toBe(true);
  });

  it("When a question asks for quiet hours, or where to get something, Then a part of the day or a calendar year does not say it", () => {
    expect(expectedAnswerType("what are the quiet hours in family camping")).toBe("date");
    expect(holdsAnswerType("Quiet hours are enforced there overnight.", "date")).toBe(false);
    expect(holdsAnswerType("Quiet hours are 11pm to 7am.", "date")).toBe(true);
    // Nor does a time from then: a reply within a day gives no support hours.
    const support = new Set(words("brightstitch support hours"));
    expect(expectedAnswerType("brightstitch support hours")).toBe("date");
    expect(holdsAnswerType("Email: support@brightstitch.example (reply within 1 business day)", "date", support)).toBe(false);
    expect(holdsAnswerType("Phone support: Monday to Friday, 9 AM to 6 PM.", "date", support)).toBe(true);
    const where = new Set(words("where do I get the missing receipt declaration form"));
    expect(holdsAnswerType("No more than two Missing Receipt Declarations will be accepted per employee in a calendar year.", "place", where)).toBe(false);
    expect(holdsAnswerType("Declaration forms are kept in the finance office.", "place", where)).toBe(true);
    // Where to get a document is where it comes from, not a place it is sent to or used at.
    const sponsorship = new Set(words("where do I get the sponsorship form for a visiting scholar?"));
    expect(holdsAnswerType("Visiting scholars may use the service if their host department submits a sponsorship form to the Resource Sharing office.", "place", sponsorship)).toBe(false);
    expect(holdsAnswerType("The Council provides a consultation letter template (Form SP2) for this purpose.", "place", new Set(words("where can i get the SP2 consultation letter template")))).toBe(false);
    for (const said of ["Forms are available from reception.", "Download the form at www.example.org/forms.", "Ask for a form at Reception.", "Email grants@example.org for a copy.", "The form is on the staff intranet."]) {
      expect(holdsAnswerType(said, "place", sponsorship)).toBe(true);
    }
    expect(expectedAnswerType("which locations have 24 hour access")).toBe("place");
    expect(holdsAnswerType("24-hour access is available at selected locations for an additional $15 per month.", "place", new Set(words("which locations have 24 hour access")))).toBe(false);
    // Nor do the question's own words, in the singular or joined by hyphens.
    const stall = new Set(words("where do i drop off books for the bric-a-brac stall"));
    expect(holdsAnswerType("NEW this year: a Bric-a-Brac and Book Stall.", "place", stall)).toBe(false);
    expect(holdsAnswerType("Bring books for the Bric-a-Brac Stall to Hazel Close.", "place", stall)).toBe(true);
  });

  it("When a question asks for a password, a code or a PIN, Then only a sentence giving one answers it, not one saying where it is shown or how often it changes", () => {
    for (const asked of ["what's the wifi password", "What is the VPN password?", "village hall wifi password", "What is the alarm PIN?", "door code for the side gate"]) {
      expect(expectedAnswerType(asked)).toBe("credential");
    }
    for (const other of ["how do I reset my password", "what is the dress code", "what's the postcode"]) expect(expectedAnswerType(other)).toBe("any");
    // Searched for with whose it is after it; not with what is asked of passwords.
    expect(expectedAnswerType("wifi password parish hall")).toBe("credential");
    for (const other of ["password requirements students", "pin forgotten", "password manager"]) expect(expectedAnswerType(other)).toBe("any");
    for (const given of ["The Wi-Fi password is Harbour2024.", "Door code: 4821", "The password 'sunflower' is case sensitive.", "Use code WELCOME10 at checkout."]) {
      expect(holdsAnswerType(given, "credential")).toBe(true);
    }
    for (const said of [
      "The network name and password are displayed on the noticeboard in the entrance lobby.",
      "The guest Wi-Fi network is NW-Guest; its password changes every Monday and is shown at reception.",
      "Passwords must be at least 14 characters long and are changed every 180 days.",
    ]) {
      expect(holdsAnswerType(said, "credential")).toBe(false);
    }
    // So are the details to pay into, and a key's fingerprint: given, not said to be somewhere else.
    for (const asked of ["what are the bank details for paying the membership", "what's the bank account number for paying my subs", "brightpath PGP key fingerprint"]) {
      expect(expectedAnswerType(asked)).toBe("credential");
    }
    expect(expectedAnswerType("bank details change")).toBe("any");
    for (const given of ["Sort code: 20-45-77, account number 41226730.", "Fingerprint: 4A2B 9C3D 11EF"]) expect(holdsAnswerType(given, "credential")).toBe(true);
    for (const said of ["Bank transfer (details on the back of your membership card)", "Our PGP key fingerprint is published on the same page."]) {
      expect(holdsAnswerType(said, "credential")).toBe(false);
    }
  });

  it("When a question asks for a limit of age, weight, height, size or speed, Then it asks for a number, whatever else it names; 'what's the deadline' asks when", () => {
    for (const q of ["what is the weight limit per checked bag on a Summit fare", "scooter weight limit", "max weight per bag", "minimum age for the sauna"]) {
      expect(expectedAnswerType(q)).toBe("number");
    }
    expect(expectedAnswerType("What's the deadline to skip a week?")).toBe("date");
    expect(expectedAnswerType("whats the deadline")).toBe("date");
  });

  it("When a question asks for a page's or a device's address, Then a web or IP address answers it, not a street nor a version", () => {
    expect(expectedAnswerType("router admin page address")).toBe("url");
    expect(expectedAnswerType("what is the IP address of the router")).toBe("url");
    expect(expectedAnswerType("what is the address of the office")).toBe("address");
    const asked = new Set(words("router admin page address"));
    expect(holdsAnswerType("Open a browser and go to 192.168.50.1 to reach the admin page.", "url", asked)).toBe(true);
    expect(holdsAnswerType("Update the firmware to version 1.2.3.4 first.", "url", asked)).toBe(false);
    expect(holdsAnswerType("The default admin password is printed on the sticker.", "url", asked)).toBe(false);
  });

  it("When a question asks what temperature or how hot, Then degrees answer it and other numbers do not; asked whether, it asks for none", () => {
    for (const q of ["what bed temp should I use for PETG?", "cold pull temperature", "how hot does the nozzle get", "What temperature should I wash it at?"]) {
      expect(expectedAnswerType(q)).toBe("temperature");
    }
    expect(expectedAnswerType("Can I store it at room temperature?")).toBe("any");
    const asked = new Set(words("cold pull temperature"));
    expect(holdsAnswerType("Step 1 – Cold pull (try first)", "temperature", asked)).toBe(false);
    for (const said of ["Heat nozzle to 220°C (PLA).", "Wash at 40 degrees.", "Keep the room above 15C.", "Store at room temperature."]) {
      expect(holdsAnswerType(said, "temperature", asked)).toBe(true);
    }
  });

  it("When capitals after 'the' end in a role or a team, Then the whole title names nobody; other capitals after the first may", () => {
    const asked = new Set(words("who do I send a complaint to"));
    expect(holdsAnswerType("Complaints should be sent in writing to the Customer Relations Lead.", "person", asked)).toBe(false);
    expect(holdsAnswerType("Please contact the Home Ownership Team.", "person", asked)).toBe(false);
    expect(holdsAnswerType("Complaints go to the Chair, Jane Smith.", "person", asked)).toBe(true);
    expect(holdsAnswerType("He was elected the Speaker of the Lok Sabha.", "person", asked)).toBe(true);
    // Nor is a facility, a laboratory or a room anyone.
    const manager = new Set(words("Who is the facility manager?"));
    expect(holdsAnswerType("These rules apply to all instruments managed by the Shared Instrumentation Facility, located in Rooms 210–228.", "person", manager)).toBe(false);
    expect(holdsAnswerType("Facility Manager: Dr. Marisol Quintero", "person", manager)).toBe(true);
  });

  it("When a line is a postal address, Then the town it names is nobody: it does not say who", () => {
    const asked = new Set(words("Who is the headteacher at St Aidan's?"));
    expect(holdsAnswerType("Church Lane, Little Hadley, HD7 4QA", "person", asked)).toBe(false);
    expect(holdsAnswerType("410 Riverside Drive, Springfield, IL 62704", "person", asked)).toBe(false);
    expect(holdsAnswerType("Policy lead: Mrs Helen Marsh, Headteacher", "person", asked)).toBe(true);
    expect(holdsAnswerType("Write to Helen Marsh, Church Lane, Little Hadley, HD7 4QA.", "person", asked)).toBe(true);
  });

  it("When 'free' stands before another thing than the one asked about, Then it says no sum of what was asked", () => {
    const mot = new Set(words("How much is an MOT?"));
    expect(holdsAnswerType("Yes, but you'll need to pay the full MOT fee, as the free partial retest only applies to cars tested here.", "amount", mot)).toBe(false);
    expect(holdsAnswerType("Waiting customers get free Wi-Fi, tea and coffee.", "amount", mot)).toBe(false);
    // A stop word after the thing made free is no word of the question's.
    const adopt = new Set(words("how much does it cost to adopt an animal"));
    expect(holdsAnswerType("Members get a free upgrade to the adoption pack.", "amount", adopt)).toBe(false);
    for (const free of ["The MOT is free.", "MOTs are free for members of our service plan.", "Free MOT with every full service.", "Your first MOT is free of charge."]) {
      expect(holdsAnswerType(free, "amount", mot)).toBe(true);
    }
  });

  it("When 'free' is joined to another word ('free-range', 'gluten-free'), Then it is no price, unless a sum is what it is free of", () => {
    const eggs = new Set(words("how much do the eggs cost if I add them to my box"));
    for (const none of ["You can add free-range eggs from our own hens.", "Gluten-free eggs are on the menu.", "A hands-free kit for your eggs."]) expect(holdsAnswerType(none, "amount", eggs)).toBe(false);
    for (const free of ["Eggs are free.", "Eggs are fee-free for members."]) expect(holdsAnswerType(free, "amount", eggs)).toBe(true);
  });

  it("When a sentence names peoples, languages or codes of capitals and digits, Then it names no one", () => {
    const asked = new Set(words("who teaches the japanese classes"));
    expect(holdsAnswerType("We teach Spanish, French, German, Italian, Portuguese and Japanese.", "person", asked)).toBe(false);
    expect(holdsAnswerType("Japanese is currently offered up to B1 only.", "person", asked)).toBe(false);
    for (const named of ["Classes are taught by Jane French.", "The Spanish course is led by Maria Lopez."]) expect(holdsAnswerType(named, "person", asked)).toBe(true);
  });

  it("When a text says what a sum applies to and that is no thing asked about, Then it names no sum of what was asked", () => {
    const card = new Set(words("lost my library card how much is a replacement"));
    expect(holdsAnswerType("A replacement fee of $120 applies to lost or damaged tablets.", "amount", card)).toBe(false);
    expect(holdsAnswerType("A replacement fee of $5 applies to lost cards.", "amount", card)).toBe(true);
    expect(holdsAnswerType("A £20 fee applies to cancellations within 24 hours.", "amount", new Set(words("how much is the cancellation fee")))).toBe(true);
    // A text saying every word asked names its sum, whatever it applies to.
    expect(holdsAnswerType("A one-off joining fee of £15 applies to all monthly memberships.", "amount", new Set(words("joining fee")))).toBe(true);
  });

  it("When a sentence's only number is a house's on its street, Then it holds no value", () => {
    expect(holdsAnswerType("Seattle — 2210 Westlake Avenue, Seattle, WA 98121. Call for hours.", "date", new Set(words("seattle branch opening hours")))).toBe(false);
    const spaces = new Set(words("how many spaces are there"));
    expect(holdsAnswerType("The car park is at 14 Mill Lane.", "count", spaces)).toBe(false);
    expect(holdsAnswerType("The car park at 14 Mill Lane has 40 spaces.", "count", spaces)).toBe(true);
  });

  it("When a sentence says where values are put up, Then it holds none, unless the question asks when they are", () => {
    expect(expectedAnswerType("what are the climbing wall hours in the summer")).toBe("date");
    // The least hours are counted: a number, not a time.
    expect(expectedAnswerType("what are the minimum hours")).toBe("number");
    // Searched for by the place or the days; not hours that are counted.
    for (const searched of ["gym weekend hours", "library hours sunday", "christmas hours"]) expect(expectedAnswerType(searched)).toBe("date");
    for (const counted of ["volunteer hours needed", "block of 10 hours expiry", "hours per week"]) expect(expectedAnswerType(counted)).toBe("any");
    const summer = new Set(words("what are the climbing wall hours in the summer"));
    expect(holdsAnswerType("Summer session hours are reduced and posted on RecConnect each May.", "date", summer)).toBe(false);
    expect(holdsAnswerType("Summer session hours are 10am to 4pm.", "date", summer)).toBe(true);
    const christmas = new Set(words("what are the shop's opening hours over christmas"));
    expect(holdsAnswerType("Christmas and New Year: special opening hours are posted in the window in early November.", "date", christmas)).toBe(false);
    expect(holdsAnswerType("Exam timetables are posted on the noticeboard in early March.", "date", new Set(words("when are exam timetables posted")))).toBe(true);
  });

  it("When capitalised words name a product's plans, Then they name no one", () => {
    const manager = new Set(words("who is my ledgerleaf account manager"));
    expect(holdsAnswerType("Premium and Enterprise plan customers can also contact their dedicated account manager directly.", "person", manager)).toBe(false);
    expect(holdsAnswerType("Premium plan customers are looked after by Dana Wu.", "person", manager)).toBe(true);
  });

  it("When pence follow a number, Then it is a sum, but not a picture's height", () => {
    const cost = new Set(words("colour printing cost per page"));
    expect(holdsAnswerType("Colour: 8p per A4 side.", "amount", cost)).toBe(true);
    expect(holdsAnswerType("Streams in 1080p.", "amount", cost)).toBe(false);
  });

  it("When a question asks about a battery's charge, Then it asks for no sum; how many visits a year is a count", () => {
    expect(expectedAnswerType("battery storage charge level winter")).toBe("any");
    for (const fee of ["late charge", "is there a charge", "what is the charge for a replacement card"]) expect(expectedAnswerType(fee)).toBe("amount");
    expect(expectedAnswerType("van permit visits per year")).toBe("count");
  });

  it("When a question asks how far ahead or for a notice period, Then so much of each week is no length", () => {
    expect(expectedAnswerType("notice period to stop service")).toBe("length");
    const ahead = new Set(words("How far in advance can I reserve a bike space?"));
    expect(holdsAnswerType("Call our Cycle Reservations line on 0345 600 7291 (8am to 8pm, seven days a week).", "length", ahead)).toBe(false);
    expect(holdsAnswerType("Reservations open 12 weeks before the date of travel.", "length", ahead)).toBe(true);
  });

  it("When a search names a day's times, Then it asks for times of day, not the day's dates", () => {
    expect(expectedAnswerType("makers club saturday times")).toBe("time");
    expect(expectedAnswerType("training session days times")).toBe("date");
    const saturday = new Set(words("makers club saturday times"));
    expect(holdsAnswerType("Final session and family showcase: Saturday 7 December", "time", saturday)).toBe(false);
    expect(holdsAnswerType("Saturdays 10am to 12 noon", "time", saturday)).toBe(true);
  });

  it("When a sum leaves out what the question asks about, to be added to it, Then it is no sum of it", () => {
    const shipping = new Set(words("shipping cost for a printed certificate"));
    expect(holdsAnswerType("A printed certificate can be ordered from My Achievements for $19 plus shipping.", "amount", shipping)).toBe(false);
    expect(holdsAnswerType("Shipping is $10.99 per box, plus $2 for express shipping.", "amount", shipping)).toBe(true);
    expect(holdsAnswerType("The minimum order value is £45 per delivery, excluding VAT.", "amount", new Set(words("minimum order for a wholesale delivery")))).toBe(true);
  });

  it("When a question asks for a rate paid by the mile, Then it asks for a sum", () => {
    expect(expectedAnswerType("mileage rate for collecting donations in my own car")).toBe("amount");
    // So is the rate a place or a kind of customer is charged; not an interest rate, which is a share.
    expect(expectedAnswerType("member parking rate alder street garage")).toBe("amount");
    expect(expectedAnswerType("interest rate")).toBe("number");
    expect(expectedAnswerType("what is the interest rate")).not.toBe("amount");
  });

  it("When a sentence says a value is not known yet, or says only the question's own day or season, Then it holds no value", () => {
    const asked = new Set(words("When do the summer intensives start in 2026?"));
    for (const none of ["Summer intensives: dates will be published in March 2026.", "Summer intensives: to be announced.", "Prices to be confirmed by 1 May.", "Dates for the summer intensives 2026 will be announced in January 2026."]) {
      expect(holdsAnswerType(none, "date", asked)).toBe(false);
    }
    for (const date of ["Summer intensives start on 6 July.", "Summer intensives start on 6 July; details will be sent in May."]) expect(holdsAnswerType(date, "date", asked)).toBe(true);
    expect(holdsAnswerType("Exam results will be published on 14 August.", "date", new Set(words("when do exam results come out")))).toBe(true);
    expect(holdsAnswerType("The Monday club meets in the hall.", "date", new Set(words("when is the monday club")))).toBe(false);
    expect(holdsAnswerType("Prices to be confirmed by 1 May.", "amount", new Set(words("how much is it")))).toBe(false);
  });

  it("When a number word only qualifies another word ('one-way'), Then it names no sum", () => {
    expect(holdsAnswerType("A one-way fee applies and is shown when you book online.", "amount")).toBe(false);
    for (const sum of ["Tickets are half-price for children.", "The fee is twenty-five pounds.", "A one-off fee of £20 applies."]) expect(holdsAnswerType(sum, "amount")).toBe(true);
    // Nor does one counting units of time.
    expect(holdsAnswerType("Lessons shorter than one hour are charged pro rata, with a minimum length of 45 minutes.", "amount")).toBe(false);
    // Nor one counting people beside a word of money; a sum in words is in a currency.
    const paid = "how much are keynote speakers paid";
    expect(expectedAnswerType(paid)).toBe("amount");
    expect(holdsAnswerType("We don't pay speaker fees or honoraria, except to our two keynote speakers, who are contracted separately.", "amount", new Set(words(paid)))).toBe(false);
    expect(holdsAnswerType("Keynote speakers are paid a fee of a few hundred dollars.", "amount", new Set(words(paid)))).toBe(true);
    expect(expectedAnswerType("how much do volunteers get paid")).toBe("amount");
  });

  it("When a number is in units of measure, Then it counts nothing, unless the question counts in those units", () => {
    const ebikes = new Set(words("how many of the bikes are e-bikes"));
    expect(holdsAnswerType("E-bikes give you pedal assistance up to 18 mph.", "count", ebikes)).toBe(false);
    expect(holdsAnswerType("The maximum rider weight is 300 lb for classic bikes and e-bikes.", "count", ebikes)).toBe(false);
    expect(holdsAnswerType("Of our 2,100 bikes, 600 are e-bikes.", "count", ebikes)).toBe(true);
    expect(holdsAnswerType("The coastal route is 12 miles.", "count", new Set(words("how many miles is the coastal route")))).toBe(true);
  });

  it("When the question asks how much money is given, Then only a sum answers it", () => {
    const busPass = "how much will the college put towards my bus pass";
    expect(expectedAnswerType(busPass)).toBe("amount");
    expect(expectedAnswerType("im a care leaver how much money could i get from the college")).toBe("amount");
    expect(holdsAnswerType("Students living more than three miles from the College may apply for a contribution towards the cost of a bus pass.", "amount", new Set(words(busPass)))).toBe(false);
    expect(holdsAnswerType("The College pays up to £150 towards a bus pass.", "amount", new Set(words(busPass)))).toBe(true);
    // How much of a thing is still counted, and how much longer is a number.
    expect(expectedAnswerType("how much water does it use")).toBe("count");
  });

  it("When a length of time is counted from the event asked about, named by another form of its word, or is a window things are counted in, Then it says no duration", () => {
    const decide = new Set(words("How long does the Planning Inspectorate take to decide an appeal?"));
    expect(holdsAnswerType("An appeal must be made within 28 days of the date of the Council's decision.", "duration", decide)).toBe(false);
    expect(holdsAnswerType("The Inspectorate aims to decide appeals within 8 weeks.", "duration", decide)).toBe(true);
    // A day counted from the event asked about by another form of its word still says when: the card is charged then.
    expect(holdsAnswerType("Your credit card on file will be charged 7 days before the ship date.", "date", new Set(words("When does my card get charged for a shipment?")))).toBe(true);
    const permit = new Set(words("how long does it take to get a van permit after I apply"));
    expect(holdsAnswerType("Each household can hold one van permit, which allows up to 12 visits in a 12-month period.", "duration", permit)).toBe(false);
    expect(holdsAnswerType("Permits are usually issued within 10 working days.", "duration", permit)).toBe(true);
  });

  it("When 'permanent' says what kind of thing, not for how long, Then it is no length of time", () => {
    const charge = new Set(words("How long does it take to fully charge the battery?"));
    expect(holdsAnswerType("Deep discharge can cause permanent damage.", "length", charge)).toBe(false);
    expect(holdsAnswerType("Send it to our permanent address.", "length", charge)).toBe(false);
    const ban = new Set(words("how long does the ban last"));
    for (const said of ["The ban is permanent.", "Repeat offenders receive a permanent ban.", "Members may be suspended indefinitely."]) expect(holdsAnswerType(said, "length", ban)).toBe(true);
  });

  it("When a search names a measure, Then it asks for a number", () => {
    for (const search of ["stove weight", "tray 1 capacity", "suitcase dimensions"]) expect(expectedAnswerType(search)).toBe("number");
    expect(holdsAnswerType("Weight: 3.1 oz (88 g), stove only", "number", new Set(words("stove weight")))).toBe(true);
    expect(expectedAnswerType("how do I reduce the weight")).toBe("any");
  });

  it("When a search names a teacher, instructor or coach, Then it asks for a person", () => {
    for (const search of ["prenatal yoga teacher", "kids clay club teacher", "under 12s football coach", "swimming instructor"]) expect(expectedAnswerType(search)).toBe("person");
    expect(expectedAnswerType("how many kids per teacher")).toBe("count");
  });

  it("When the thing asked about is priced separately, Then the sums beside it are another thing's", () => {
    const lenses = new Set(words("how much do the lenses cost if I get designer frames"));
    const row = "Service or product: Designer range frames; Price: from £149; Notes: Frame only; lenses priced separately";
    expect(holdsAnswerType(row, "amount", lenses)).toBe(false);
    expect(holdsAnswerType(row, "amount", new Set(words("how much are designer frames")))).toBe(true);
    expect(holdsAnswerType("Single vision lenses cost £45; lenses are priced separately from frames.", "amount", lenses)).toBe(true);
  });

  it("When a sum is what insurance covers, Then it says no price, unless the question asks of the cover", () => {
    const cost = new Set(words("event insurance how much does it cost"));
    expect(holdsAnswerType("Renter must provide event liability insurance, min. $1,000,000 per occurrence.", "amount", cost)).toBe(false);
    expect(holdsAnswerType("Event insurance costs $45 per event.", "amount", cost)).toBe(true);
    expect(holdsAnswerType("The plan costs $12 per month for $2,000 of coverage.", "amount", cost)).toBe(true);
    expect(holdsAnswerType("Cover up to £1,500 per claim.", "amount", new Set(words("how much cover do I get for my phone")))).toBe(true);
    // An excess per claim is the customer's to pay.
    expect(holdsAnswerType("We will replace it for an excess of £95 per claim.", "amount", new Set(words("how much will I have to pay for a new one")))).toBe(true);
  });

  it("When a sum stands in brackets after another item of a list than the one asked about, Then it is that item's price", () => {
    const facial = new Set(words("how much is a facial at the spa"));
    expect(holdsAnswerType("Our therapists offer massages, facials and a signature Larkspur Ritual (90 minutes, £120).", "amount", facial)).toBe(false);
    expect(holdsAnswerType("We offer facials (60 minutes, £65) and massages.", "amount", facial)).toBe(true);
    expect(holdsAnswerType("A day pass (£10) gets you in.", "amount", new Set(words("how much is it")))).toBe(true);
    // Brackets closing a clause give its value.
    const salary = new Set(words("what is the salary of us secretary of state"));
    expect(holdsAnswerType("It earns the salary prescribed for that level (currently $205,700).", "amount", salary)).toBe(true);
  });

  it("When a question asks how much extra something is, or ends with 'how much', Then it asks for a sum", () => {
    expect(expectedAnswerType("how much extra is the bigger 240 litre black bin")).toBe("amount");
    expect(expectedAnswerType("laundry allowance week long trip how much")).toBe("amount");
    expect(expectedAnswerType("how much more water does it use")).toBe("number");
    expect(holdsAnswerType("Households of six or more can apply for a larger 240-litre black bin.", "amount", new Set(words("how much extra is the bigger 240 litre black bin")))).toBe(false);
  });

  it("When a line is set out in columns with runs of spaces or dot leaders, Then it is quoted with single spaces, a leader as a colon", () => {
    const text = "- Opening balance at 1 January            £8,412.56\n- Hall hire income                        £2,145.00";
    const sentences = chunkSentences({ id: "c", source: "minutes.txt", title: "Minutes", headingPath: [], text, start: 0, end: text.length });
    expect(sentences.map((s) => s.text)).toEqual(["Opening balance at 1 January £8,412.56", "Hall hire income £2,145.00"]);
    // Dot leaders are a label's colon, and nothing where a blank is left to fill in.
    const prices = "Adult .................. £12.00\nSigned ....................";
    const quoted = chunkSentences({ id: "p", source: "prices.txt", title: "Prices", headingPath: [], text: prices, start: 0, end: prices.length });
    expect(quoted.map((s) => s.text)).toEqual(["Adult: £12.00", "Signed"]);
  });

  it("When a number is part of a code ('HR-09') or a clause's label ('1.3'), Then it counts nothing", () => {
    const question = new Set(words("how many weeks paternity leave do I get"));
    expect(holdsAnswerType("Paternity leave is covered by the Family Leave Policy (HR-09), not by this policy.", "count", question)).toBe(false);
    const [sentence] = chunkSentences({ id: "c", source: "leave.txt", title: "Leave", headingPath: [], text: "1.3 Maternity and paternity leave are covered by the Family Leave Policy.", start: 0, end: 73 });
    expect(sentence!.text).toBe("Maternity and paternity leave are covered by the Family Leave Policy.");
    const [quantity] = chunkSentences({ id: "d", source: "recipe.txt", title: "Recipe", headingPath: [], text: "1.5 litres of water are added.", start: 0, end: 30 });
    expect(quantity!.text).toBe("1.5 litres of water are added.");
  });

  it("When a question asks which museum, team or company, Then only a sentence naming one the question does not can answer it", () => {
    expect(expectedAnswerType("Which museum does Ore Disu direct?")).toBe("organisation");
    expect(expectedAnswerType("what football team did he play for")).toBe("organisation");
    expect(expectedAnswerType("Which Australian institution took part in the panel?")).toBe("organisation");
    // The word between is the question's verb: museums are what it is about, not what it asks for.
    expect(expectedAnswerType("What do museums need for AI?")).toBe("any");
    const question = new Set(["which", "museum", "does", "ore", "disu", "direct"]);
    expect(holdsAnswerType("Ore Disu (Director, Nigerian Museum of Lagos) spoke last.", "organisation", question)).toBe(true);
    expect(holdsAnswerType("Ore Disu directs a museum in the city.", "organisation", question)).toBe(false);
  });

  it("When a question asks which company by two words before it, Then it asks for an organisation, but not 'what kind of shop'", () => {
    expect(expectedAnswerType("Which travel insurance company do you recommend?")).toBe("organisation");
    expect(expectedAnswerType("what kind of shop is it")).toBe("any");
    expect(expectedAnswerType("what does the company do")).toBe("any");
    const question = new Set(words("Which travel insurance company do you recommend?"));
    expect(holdsAnswerType("We strongly recommend that you take out comprehensive travel insurance, including cancellation cover, as soon as you book.", "organisation", question)).toBe(false);
    expect(holdsAnswerType("We recommend Harbour Mutual for travel insurance.", "organisation", question)).toBe(true);
    // Nor by what to write on an order, nor an address.
    const supermarkets = new Set(words("which supermarkets deliver to the cottage"));
    expect(holdsAnswerType('Several supermarkets will deliver to the cottage; please put "Honeysuckle Cottage, Brayford Lane" as the address.', "organisation", supermarkets)).toBe(false);
    expect(holdsAnswerType("Tesco and Waitrose both deliver to the cottage.", "organisation", supermarkets)).toBe(true);
  });

  it("When a question asks for the code of a lock, Then it asks for a credential", () => {
    expect(expectedAnswerType("what's the code for the key safe on the shed")).toBe("credential");
    expect(expectedAnswerType("what is the combination to the bike locker")).toBe("credential");
    expect(holdsAnswerType("The key safe code is given to members when they sign their plot agreement.", "credential")).toBe(false);
    expect(holdsAnswerType("Key safe code: 2719.", "credential")).toBe(true);
  });

  it("When a question asks whether one has to pay, or the least or most of something, Then it asks for a sum or a number; not when it is to be paid by", () => {
    for (const asked of ["is victoria car park free or do I have to pay", "do I have to pay for parking", "is the museum free"]) expect(expectedAnswerType(asked)).toBe("amount");
    expect(expectedAnswerType("how long do I have to pay the invoice")).toBe("length");
    expect(expectedAnswerType("Do I have to pay a deposit for a dedicated desk?")).toBe("any");
    const pay = new Set(words("is victoria car park free or do I have to pay"));
    expect(holdsAnswerType("Victoria car park is about two minutes' walk away.", "amount", pay)).toBe(false);
    expect(holdsAnswerType("Victoria car park is free after 6pm.", "amount", pay)).toBe(true);
    for (const asked of ["what's the minimum turnout for the election result to count", "what is the maximum group size"]) expect(expectedAnswerType(asked)).toBe("number");
    expect(expectedAnswerType("what is the minimum notice period")).toBe("length");
    // A number in a name is no quantity.
    const turnout = new Set(words("what's the minimum turnout for the election result to count"));
    expect(holdsAnswerType("If turnout falls below the minimum set out in Bye-Law 4, the results will be reported to the Board.", "number", turnout)).toBe(false);
    expect(holdsAnswerType("The minimum turnout is 5 per cent of the student body.", "number", turnout)).toBe(true);
  });

  it("When a question asks when something opens, starts, ends or closes, Then a time at the other end of a span does not answer it", () => {
    const last = new Set(words("what time does the last shuttle bus go back to the retail park"));
    expect(holdsAnswerType("Hop on the free shuttle bus, which runs every 15 minutes from 7:15am.", "time", last)).toBe(false);
    expect(holdsAnswerType("The shuttle runs from 7:15am to 6:30pm.", "time", last)).toBe(true);
    expect(holdsAnswerType("The last shuttle leaves at 6:30pm.", "time", last)).toBe(true);
    const opens = new Set(words("what time does the college cafe open"));
    expect(holdsAnswerType("The Kingsmead Café stays open until 7pm on weekday evenings.", "time", opens)).toBe(false);
    expect(holdsAnswerType("The café is open 8am to 7pm.", "time", opens)).toBe(true);
    // A time to be there by answers when to come.
    expect(holdsAnswerType("Arrive by 9.15am to sign in and get changed.", "time", new Set(words("What time should I arrive on the first morning of my course?")))).toBe(true);
    // Hours asked for are both ends.
    expect(holdsAnswerType("The café stays open until 7pm.", "time", new Set(words("what time is the cafe open")))).toBe(true);
    // The times listed after an opening time for other days are opening times too.
    const closes = new Set(words("what time does the cricket club bar close on a saturday"));
    expect(holdsAnswerType("The pavilion bar opens at 3:00pm on Saturday match days, 2:00pm on Sundays and 5:30pm for Wednesday T20 games.", "time", closes)).toBe(false);
    expect(holdsAnswerType("The bar opens at 3pm on Saturdays, and 2pm to 10pm on Sundays.", "time", closes)).toBe(true);
    expect(holdsAnswerType("The bar opens at 3:00pm and closes at 11pm.", "time", closes)).toBe(true);
    expect(holdsAnswerType("We close at 5pm on weekdays and 1pm on Saturdays.", "time", new Set(words("what time does the shop open")))).toBe(false);
  });

  it("When a question asks who holds a deputy's role, Then a text naming the role with no one beside it names another", () => {
    const deputy = namesAnotherRole("Who is the deputy club manager?");
    expect(deputy("When Mrs Petrakis is not on site, the deputy club manager is in charge.")).toBe(true);
    expect(deputy("Our Deputy Club Manager covers for Helen when she is away.")).toBe(true);
    for (const named of ["Deputy Club Manager: Sarah Jones", "Sarah Jones, our deputy club manager, runs Fridays.", "Our deputy club manager is Tom Briggs.", "Tom Briggs (Deputy Club Manager) runs Fridays."]) {
      expect(deputy(named)).toBe(false);
    }
    // Asked for another kind of answer, the role's mention may answer.
    expect(namesAnotherRole("what is the deputy club manager's phone number")("Call the deputy club manager on 01632 960 123.")).toBe(false);
  });

  it("When a question asks when something was, Then a time from then or how often says nothing of it", () => {
    const drill = new Set(words("when was the last fire drill?"));
    expect(holdsAnswerType("At the most recent drill, the building was fully evacuated in 4 minutes 10 seconds.", "date", drill)).toBe(false);
    expect(holdsAnswerType("The last drill was held on 3 March.", "date", drill)).toBe(true);
    // Asked when it is, a time from now answers.
    expect(holdsAnswerType("Refunds are paid within 5 working days.", "date", new Set(words("when will I get my refund")))).toBe(true);
  });

  it("When a question asks for a limit of speed or weight, or a rate that is a share, Then only a value in its units answers", () => {
    const speed = new Set(words("what's the speed limit on stoke road"));
    expect(expectedAnswerType("what's the speed limit on stoke road")).toBe("number");
    expect(holdsAnswerType("The Community Speedwatch group recorded 212 vehicles over the limit on Stoke Road.", "number", speed)).toBe(false);
    expect(holdsAnswerType("Stoke Road has a 20 mph limit.", "number", speed)).toBe(true);
    expect(holdsAnswerType("Each bag may weigh up to 23kg.", "number", new Set(words("max weight per bag")))).toBe(true);
    expect(holdsAnswerType("Each passenger may bring 2 bags.", "number", new Set(words("max weight per bag")))).toBe(false);
    const interest = new Set(words("what interest rate does hmrc charge if I pay late"));
    expect(expectedAnswerType("what interest rate does hmrc charge if I pay late")).toBe("number");
    expect(expectedAnswerType("How much notice do you give before lowering the interest rate?")).toBe("length");
    expect(holdsAnswerType("HMRC charges an automatic £100 penalty if your online return is even one day late.", "number", interest)).toBe(false);
    expect(holdsAnswerType("Late payment interest is charged at 7.75%.", "number", interest)).toBe(true);
  });

  it("When a question counts a thing, Then a count of another kind of it does not answer", () => {
    const spaces = new Set(words("how many parking spaces are there in lot B"));
    expect(holdsAnswerType("Valid in: 12 accessible spaces beside the Building C entrance, and any space in Lot A or Lot B", "count", spaces)).toBe(false);
    expect(holdsAnswerType("Lot B has 240 spaces, 12 of them accessible.", "count", spaces)).toBe(true);
    expect(holdsAnswerType("There are 12 accessible spaces by the pavilion.", "count", new Set(words("how many accessible spaces are there")))).toBe(true);
  });

  it("When a question asks how deep, wide or thick, Then only a text naming that dimension answers", () => {
    const deep = new Set(words("how deep is the pool at alder hall"));
    expect(expectedAnswerType("how deep is the pool at alder hall")).toBe("number");
    expect(holdsAnswerType("A 25-yard, eight-lane pool with a separate spa.", "number", deep)).toBe(false);
    expect(holdsAnswerType("The pool is 1.2 m deep at the shallow end.", "number", deep)).toBe(true);
    expect(holdsAnswerType("Maximum depth: 3.5 metres.", "number", deep)).toBe(true);
    // Not "how big" or "how tall", said in too many ways.
    expect(holdsAnswerType("Robbie Coltrane, 6 ft 1 in, played Hagrid.", "number", new Set(words("how tall is the actor who plays hagrid")))).toBe(true);
    expect(holdsAnswerType("Room 205 seats up to 10 people.", "number", new Set(words("how big is room 205")))).toBe(true);
  });

  it("When a question asks which of a weekday it names, Then only its place in the month or a date answers", () => {
    for (const asked of ["which saturday in the month are you open?", "which tuesday of the month do the readers meet"]) expect(expectedAnswerType(asked)).toBe("day");
    const saturday = new Set(words("which saturday in the month are you open?"));
    expect(holdsAnswerType("Saturday: open one Saturday morning each month, 9:00am to 12:30pm.", "day", saturday)).toBe(false);
    expect(holdsAnswerType("We open on the first Saturday of each month.", "day", saturday)).toBe(true);
    expect(holdsAnswerType("Open on the second and last Saturdays.", "day", saturday)).toBe(true);
    expect(holdsAnswerType("Next Saturday opening: 14 June.", "day", saturday)).toBe(true);
  });
});
