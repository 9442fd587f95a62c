import { describe, expect, it } from "vitest";
import { weighEvidence } from "../../src/answer/evidence.js";
import { synonymTerms, verbsApart, withMeasuredNouns } from "../../src/answer/synonyms.js";
import { WordNet } from "../../src/answer/wordnet.js";
import { namesAnotherDay, withDaysOfTheWeek } from "../../src/answer/days-of-the-week.js";
import { withEventVerbs } from "../../src/answer/event-verbs.js";
import { withFullForms, withShortForms } from "../../src/answer/short-forms.js";
import { withDocumentWords, withEverydayWords } from "../../src/answer/everyday-words.js";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { terms } from "../../src/retrieval/tokenize.js";
import { passagesOf } from "./passages.js";

const wordnet = WordNet.bundled();
const options = { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking };

describe("WordNet synonyms in evidence", () => {
  it("When a word has a usual sense, Then its synonyms are that sense's other words, found through inflections and irregular forms", () => {
    expect(wordnet.synonyms("worries")).toContain("concern");
    expect(wordnet.synonyms("topics")).toEqual(expect.arrayContaining(["subject", "theme"]));
    expect(wordnet.synonyms("helped")).toEqual(expect.arrayContaining(["assist", "aid"]));
    // Only the most frequent sense: "hold a meeting" is sense 4 of "hold", and would make "give" and "make" count as "held".
    expect(wordnet.synonyms("held")).not.toContain("give");
    expect(wordnet.synonyms("Havu")).toEqual([]);
  });

  it("When a word's stem does not reach the words derived from it, Then they count as its own: 'death' for 'died', 'writer' for 'wrote'", () => {
    expect(wordnet.synonyms("died")).toContain("death");
    expect(wordnet.synonyms("wrote")).toContain("writer");
    expect(synonymTerms("When did she die?", wordnet)(new Set(terms("Her death in 1901 ended the reign")))).toEqual(terms("die"));
  });

  it("When a text holds a synonym of a question word, Then it holds that word's term; a multi-word synonym needs all its words", () => {
    const held = synonymTerms("What happened?", wordnet);
    expect(held(new Set(terms("It took place in March")))).toEqual(terms("happened"));
    expect(held(new Set(terms("They take it")))).toEqual([]);
  });

  it("When question words go together as one (a WordNet collocation: 'call off', 'put off'), Then a text saying what they mean together holds them", () => {
    expect(synonymTerms("Can I call off my booking?", wordnet)(new Set(terms("You can cancel free of charge")))).toEqual(terms("call off"));
    expect(synonymTerms("Can I put off my appointment?", wordnet)(new Set(terms("Appointments can be postponed once")))).toEqual(terms("put off"));
    // Apart, the words mean what they do alone: "call" is no "cancel".
    expect(synonymTerms("Can I call the office?", wordnet)(new Set(terms("You can cancel free of charge")))).toEqual([]);
  });

  it("When a question asks with a phrasal verb ('call off'), Then a text saying the verb apart from its particle does not hold it; a noun is no phrasal verb", () => {
    const callOff = verbsApart("Can I call off my appointment?", wordnet);
    expect(callOff("If you have toothache, call us on 01233 555 019")).toEqual(terms("call"));
    expect(callOff("You can call off an appointment by phone")).toEqual([]);
    expect(verbsApart("Can I call the office?", wordnet)("Call us on 01233 555 019")).toEqual([]);
    expect(verbsApart("What's the party's take on history?", wordnet)("They take it on trust")).toEqual([]);
  });

  it("When a question word follows a determiner, Then it is a noun, and only its noun's synonyms count", () => {
    // The verb "refund" is "return"; "a refund" is not what "start a return" speaks of.
    expect(synonymTerms("Can I get a refund?", wordnet)(new Set(terms("Start a return within 30 days")))).toEqual([]);
    expect(synonymTerms("Can you refund me?", wordnet)(new Set(terms("We return your money")))).toEqual(terms("refund"));
  });

  it("When evidence is weighed with WordNet, Then a sentence saying 'concerns' covers a question about 'worries', and one saying neither does not", async () => {
    const passages = passagesOf("NEMO notes key concerns regarding data privacy.", "NEMO notes key opportunities for museums.");
    const question = "What worries does NEMO have?";
    const concerns = (evidence: Awaited<ReturnType<typeof weighEvidence>>) => evidence.find((s) => s.text.includes("concerns"))!;
    const opportunities = (evidence: Awaited<ReturnType<typeof weighEvidence>>) => evidence.find((s) => s.text.includes("opportunities"))!;
    const withSynonyms = await weighEvidence(question, passages, { ...options, thesaurus: wordnet });
    const without = await weighEvidence(question, passages, options);
    expect(concerns(withSynonyms).coverage).toBe(1);
    expect(concerns(without).coverage).toBeLessThan(1);
    expect(opportunities(withSynonyms).coverage).toBe(opportunities(without).coverage);
  });
});

describe("days of the week", () => {
  it("When a question names a day, Then a text saying the part of the week it falls in holds it; the other part does not", () => {
    const calendar = withDaysOfTheWeek(wordnet);
    const saturday = synonymTerms("Are you open on Saturdays?", calendar);
    // "Closed" answers whether it is open, too (its opposite).
    expect(saturday(new Set(terms("Closed at weekends")))).toEqual(terms("open Saturdays"));
    expect(saturday(new Set(terms("Open 9-17 on weekdays")))).toEqual([]);
    const tuesday = synonymTerms("What time do you open on Tuesday?", calendar);
    expect(tuesday(new Set(terms("Open 9-17 on weekdays")))).toEqual(terms("Tuesday"));
    expect(tuesday(new Set(terms("Open Monday to Friday from 9:00")))).toEqual(terms("Tuesday"));
    expect(tuesday(new Set(terms("Open Monday and Wednesday")))).toEqual([]);
    expect(synonymTerms("Are you open on Saturdays?", wordnet)(new Set(terms("Closed at weekends")))).toEqual(terms("open"));
    // And the part of the week in its days.
    const weekend = synonymTerms("What are the gym opening hours at the weekend?", calendar);
    expect(weekend(new Set(terms("Saturday and Sunday: 8am – 8pm")))).toEqual(terms("weekend"));
    expect(weekend(new Set(terms("Saturday: 8am – 8pm")))).toEqual([]);
  });
});

describe("another day of the week", () => {
  it("When a question names a day, Then a text naming only other days answers for another day; a range, a part of the week or every day holds it", () => {
    const friday = namesAnotherDay("is there a minimum number of guests for a friday wedding");
    expect(friday("On Saturdays between May and September we ask for a minimum of 60 adult day guests.")).toBe(true);
    expect(friday("Sunday: 11 a.m. to 5 p.m.")).toBe(true);
    for (const holds of ["Friday: 10 a.m. to 5 p.m.", "Open Tuesday–Saturday, 10am to 6pm.", "Weddings on weekdays need 40 guests.", "Open daily from 9am.", "A minimum of 60 guests applies."]) {
      expect(friday(holds)).toBe(false);
    }
    // A timetable's short days too: "Mon-Thu" leaves Friday out, "Fri" holds it.
    expect(friday("Mon-Thu 3:00 pm - 10:00 pm")).toBe(true);
    expect(friday("Fri 3:00 pm - 8:00 pm")).toBe(false);
    expect(namesAnotherDay("are you open at the weekend")("Sunday: 11 a.m. to 5 p.m.")).toBe(false);
    expect(namesAnotherDay("What time does the museum close?")("Sunday: 11 a.m. to 5 p.m.")).toBe(false);
    // A bank holiday is no weekday, though it falls on one.
    const bankHoliday = namesAnotherDay("fixpoint bank holiday opening hours");
    expect(bankHoliday("Monday to Friday: 9:30am – 6:00pm")).toBe(true);
    expect(bankHoliday("Bank holidays: 10am – 4pm")).toBe(false);
    expect(bankHoliday("Monday to Friday 9am – 5pm, except public holidays")).toBe(false);
    expect(bankHoliday("Open daily from 9am.")).toBe(false);
    expect(namesAnotherDay("are you open on monday")("Closed on bank holidays")).toBe(true);
    expect(namesAnotherDay("gym opening hours bank holiday monday")("Monday to Friday: 6:00am – 10:00pm")).toBe(true);
    expect(namesAnotherDay("gym opening hours bank holiday monday")("Bank holiday Mondays: 8am – 4pm")).toBe(false);
  });
});

describe("events held, hosted or staged", () => {
  it("When a question asks when or where an event was held or hosted, Then a text saying it took place holds the verb; WordNet alone does not", () => {
    const events = withEventVerbs(wordnet);
    const tookPlace = new Set(terms("The forum took place in Hangzhou on 24 April 2025"));
    expect(synonymTerms("When was the forum held?", events)(tookPlace)).toEqual(terms("held"));
    expect(synonymTerms("What city hosted the forum?", events)(tookPlace)).toEqual(terms("hosted"));
    expect(synonymTerms("When was the forum held?", wordnet)(tookPlace)).toEqual([]);
    // A noun is no event verb: "the hold" of a ship, "a host" of reasons.
    expect(events.synonyms("host", "noun")).not.toContain("take place");
  });
});

describe("short forms", () => {
  const shortForms = withShortForms(wordnet);

  it("When a question writes a short form ('ID', 'e-bike'), Then a text spelling it out holds it, and the other way round; WordNet alone does not", () => {
    const identification = new Set(terms("You must show photo identification when you collect the bike"));
    expect(synonymTerms("Do I need ID?", shortForms)(identification)).toEqual(terms("ID"));
    expect(synonymTerms("Do I need ID?", wordnet)(identification)).toEqual([]);
    expect(synonymTerms("Do I need identification?", shortForms)(new Set(terms("Bring a photo ID")))).toEqual(terms("identification"));
    // A hyphenated word is asked whole: its joined term is held through "electric bike".
    expect(synonymTerms("Can I hire an e-bike?", shortForms)(new Set(terms("Riders must be 16 to hire an electric bike")))).toEqual(["ebik"]);
  });

  it("When a question asks about an e-bike, Then a sentence about an electric bike covers all of it, its 'e' counting for nothing", async () => {
    const passages = passagesOf("A deposit of £100 is taken for each electric bike.");
    const [sentence] = await weighEvidence("How much is the e-bike deposit?", passages, { ...options, thesaurus: shortForms });
    expect(sentence!.coverage).toBe(1);
    const [without] = await weighEvidence("How much is the e-bike deposit?", passages, { ...options, thesaurus: wordnet });
    expect(without!.coverage).toBeLessThan(1);
  });

  it("When a question uses a short form, Then keyword search also looks for what it stands for", () => {
    expect(withFullForms("Do I need ID?")).toBe("Do I need ID? identification identity card");
    expect(withFullForms("Can I hire an e-bike?")).toBe("Can I hire an e-bike? electric bike electric bicycle");
    // Not the other way round: a short form is rare, and would rank whatever passage writes it first.
    expect(withFullForms("Is identification needed?")).toBe("Is identification needed?");
    expect(withFullForms("What docs do I need?")).toBe("What docs do I need? document documentation");
    expect(withFullForms("Where is the station?")).toBe("Where is the station?");
    expect(withFullForms("VAT rate for UK customers")).toBe("VAT rate for UK customers united kingdom");
    // "US" is the word "us" as often.
    expect(withFullForms("Can you call us back?")).toBe("Can you call us back?");
  });

  it("When a question holds a word that names something on every JavaScript object ('constructor'), Then it is a word like any other", async () => {
    expect(withFullForms("who calls the constructor")).toBe("who calls the constructor");
    const [sentence] = await weighEvidence("who built the constructor", passagesOf("The constructor was built by Ada."), { ...options, thesaurus: shortForms });
    expect(sentence!.coverage).toBeGreaterThan(0);
    expect(terms("they don't, constructorn't")).toEqual(terms("they do not, constructor not"));
  });
});

describe("everyday words", () => {
  const everyday = withEverydayWords(wordnet);

  it("When a question asks in everyday words, Then a sentence in the document's words covers them, a phrase as a whole", async () => {
    const refunds = passagesOf("Refunds are paid within 14 days of cancellation.");
    const [sentence] = await weighEvidence("can I get my money back", refunds, { ...options, thesaurus: everyday });
    expect(sentence!.coverage).toBe(1);
    const [without] = await weighEvidence("can I get my money back", refunds, { ...options, thesaurus: wordnet });
    expect(without!.coverage).toBeLessThan(1);
    const freeze = passagesOf("You can freeze your membership for up to 3 months.");
    expect((await weighEvidence("can I put my membership on hold", freeze, { ...options, thesaurus: everyday }))[0]!.coverage).toBe(1);
    const limit = passagesOf("Your password must be at least 14 characters long.");
    expect((await weighEvidence("minimum length for a password", limit, { ...options, thesaurus: everyday }))[0]!.coverage).toBe(1);
    // A phrase's words alone are not the phrase: the tank's "hold" is no freeze.
    expect(synonymTerms("how much does the tank hold", everyday)(new Set(terms("freeze the tank")))).toEqual([]);
  });

  it("When a question uses everyday words, Then keyword search also looks for the document's words, each once", () => {
    expect(withDocumentWords("if I change my mind can I get my money back")).toBe("if I change my mind can I get my money back cancel cooling-off refund");
    expect(withDocumentWords("can my mates come")).toBe("can my mates come guest visitor");
    expect(withDocumentWords("if we call off our party how much do we get back")).toBe("if we call off our party how much do we get back cancel cancellation");
    expect(withDocumentWords("she had a temperature last night")).toBe("she had a temperature last night fever");
    expect(withDocumentWords("I misplaced my pass")).toBe("I misplaced my pass lost");
    expect(withDocumentWords("does the tank hold 50 litres")).toBe("does the tank hold 50 litres");
    expect(withDocumentWords("who is in charge of billing")).toBe("who is in charge of billing lead manager head responsible");
    expect(withDocumentWords("what if we need to push the wedding back")).toBe("what if we need to push the wedding back");
    expect(withDocumentWords("can we push back the wedding")).toBe("can we push back the wedding postpone reschedule");
    expect(withDocumentWords("how do I sign up my toddler")).toBe("how do I sign up my toddler register registration enrol join child children");
    // A phrase's word is not looked up again alone: running late is no running of a team.
    expect(withDocumentWords("if im running late how long")).toBe("if im running late how long late arrive");
    expect(withDocumentWords("I can't remember my PIN")).toBe("I can't remember my PIN forgotten reset");
    expect(withDocumentWords("the printer won't turn on")).toBe("the printer won't turn on switch on power on");
    expect(withDocumentWords("do I pay for you to find out whats wrong with my phone")).toBe("do I pay for you to find out whats wrong with my phone fault diagnostic diagnosis");
    expect(withDocumentWords("my table turned up scratched")).toBe("my table turned up scratched arrive attend damage damaged cosmetic");
    expect(withDocumentWords("what if its too blowy to go out")).toBe("what if its too blowy to go out wind weather");
    expect(withDocumentWords("what night do you practise")).toBe("what night do you practise rehearsal rehearse training");
    expect(withDocumentWords("where is the dental practice")).toBe("where is the dental practice");
    // A longer phrase first: getting in touch is no getting in.
    expect(withDocumentWords("how do I get in touch")).toBe("how do I get in touch contact");
    expect(withDocumentWords("how early can I get in")).toBe("how early can I get in entry admission access open");
    // A fire alarm is no firing: the phrase is looked up, not "fire" alone.
    expect(withDocumentWords("fire alarm where to meet outside")).toBe("fire alarm where to meet outside assembly point");
    expect(withDocumentWords("what happens if I get fired")).toBe("what happens if I get fired dismissed dismissal");
    expect(withDocumentWords("golf cart hire price")).toBe("golf cart hire price rental rentals");
    expect(withDocumentWords("desk booking how far ahead")).toBe("desk booking how far ahead in advance advance");
    expect(withDocumentWords("thunderstorm coming what do we do")).toBe("thunderstorm coming what do we do lightning storm weather");
    expect(withDocumentWords("can members book before everyone else")).toBe("can members book before everyone else general public public");
    expect(withDocumentWords("do I have to pay anything to see a counsellor")).toBe("do I have to pay anything to see a counsellor free cost charge");
    expect(withDocumentWords("is it more expensive if I pay on my visa")).toBe("is it more expensive if I pay on my visa card credit card");
    expect(withDocumentWords("engineer didnt show compensation")).toBe("engineer didnt show compensation missed no-show not turn up");
    expect(withDocumentWords("is it ok to wear my watch in the jacuzzi")).toBe("is it ok to wear my watch in the jacuzzi hot tub spa");
    expect(withDocumentWords("will your team carry my tortoise")).toBe("will your team carry my tortoise pet animal");
    expect(withDocumentWords("will it work on my ubuntu pc")).toBe("will it work on my ubuntu pc linux");
    expect(withDocumentWords("I can't find a library book I borrowed")).toBe("I can't find a library book I borrowed lost hire loan");
    expect(withDocumentWords("where do I get rid of dirty sink water")).toBe("where do I get rid of dirty sink water dispose disposal empty grey water gray water");
    // Shut out is locked, not closed: the phrase is looked up, not "shuts" alone.
    expect(withDocumentWords("how many wrong tries before it shuts me out")).toBe("how many wrong tries before it shuts me out lock locked lockout");
    expect(withDocumentWords("who owns the salon")).toBe("who owns the salon owner proprietor");
    expect(withDocumentWords("they never turned up to take my sofa")).toBe("they never turned up to take my sofa missed not collected no-show furniture bulky");
    expect(withDocumentWords("when do we pay the rest")).toBe("when do we pay the rest balance remaining balance");
    expect(withDocumentWords("am i allowed to have a fire on my plot")).toBe("am i allowed to have a fire on my plot bonfire bonfires");
    expect(withDocumentWords("what happens if I bail on my appointment")).toBe("what happens if I bail on my appointment cancel cancellation");
    expect(withDocumentWords("how many tuesdays can i skip")).toBe("how many tuesdays can i skip miss absence");
    expect(withDocumentWords("what if I stop paying rent")).toBe("what if I stop paying rent non-payment unpaid late payment arrears overdue");
    expect(withDocumentWords("my tooth is killing me")).toBe("my tooth is killing me pain emergency");
    expect(withDocumentWords("can I race with my airpods")).toBe("can I race with my airpods headphones");
    expect(withDocumentWords("whats the latest I can arrive")).toBe("whats the latest I can arrive last");
    expect(withDocumentWords("fine for dumping a mattress")).toBe("fine for dumping a mattress fly-tipping fly tipping");
    expect(withDocumentWords("the light keeps blinking red")).toBe("the light keeps blinking red flashing flash");
    expect(withDocumentWords("what time must we be out of the cabin")).toBe("what time must we be out of the cabin vacate check out departure");
    expect(withDocumentWords("how do I hand over my account")).toBe("how do I hand over my account transfer handover");
    expect(withDocumentWords("they said no, can I challenge it")).toBe("they said no, can I challenge it refused declined rejected turned down appeal review");
    expect(withDocumentWords("can they ban her")).toBe("can they ban her suspend suspended withdraw withdrawn exclude");
    expect(withDocumentWords("what do I do over the cold months")).toBe("what do I do over the cold months winter");
    expect(withDocumentWords("holiday I didn't take")).toBe("holiday I didn't take untaken unused outstanding");
    expect(withDocumentWords("can I add outside people")).toBe("can I add outside people guests external");
    expect(withDocumentWords("can i ride it when its pouring down")).toBe("can i ride it when its pouring down rain wet");
    expect(withDocumentWords("can I take them back")).toBe("can I take them back return refund");
    expect(withDocumentWords("my mum earns 22k")).toBe("my mum earns 22k parent income");
    expect(withDocumentWords("I'm worried about a child's safety")).toBe("I'm worried about a child's safety safeguarding welfare");
    expect(withDocumentWords("I am 10 min behind, can I still come in")).toBe("I am 10 min behind, can I still come in late arrive");
    expect(withDocumentWords("can I take roses in")).toBe("can I take roses in flowers");
    expect(withDocumentWords("is a peanut butter sandwich ok")).toBe("is a peanut butter sandwich ok nuts nut");
  });
});

describe("measures asked for by an adjective", () => {
  it("When a question asks how heavy, tall or old something is, Then a sentence naming the weight, height or age covers the adjective; elsewhere it does not", async () => {
    expect(wordnet.attributes("heavy")).toEqual(["weight"]);
    expect(wordnet.attributes("tall")).toContain("height");
    const passages = passagesOf("Weight: 0.9 kg empty.");
    const [sentence] = await weighEvidence("How heavy is the jug?", passages, { ...options, thesaurus: wordnet, idf: (t: string) => (t === "jug" ? 0 : 1) });
    expect(sentence!.coverage).toBe(1);
    const [other] = await weighEvidence("Is the jug heavy?", passages, { ...options, thesaurus: wordnet, idf: (t: string) => (t === "jug" ? 0 : 1) });
    expect(other!.coverage).toBe(0);
    // Keyword search looks for the measure too; "how many" asks for a count, not for WordNet's "numerousness".
    expect(withMeasuredNouns(wordnet)("How heavy is it?")).toBe("How heavy is it? weight");
    expect(withMeasuredNouns(wordnet)("How many stalls are there?")).toBe("How many stalls are there?");
  });
});

describe("words naming the kind of answer asked for", () => {
  it("When a question asks for a price, Then a sentence giving the sum covers it without the word 'price'", async () => {
    const passages = passagesOf("Treatment: Crown; Private fee: from £650.", "Crowns are made in our own laboratory.");
    const [sentence] = await weighEvidence("crown price", passages, options);
    expect(sentence!.text).toContain("£650");
    expect(sentence!.coverage).toBe(1);
  });

  it("When a question asks which country, Then a sentence naming one covers it without the word 'country'", async () => {
    const passages = passagesOf("The forum took place in Cairo, Egypt.");
    const [sentence] = await weighEvidence("In which country did the forum take place?", passages, options);
    expect(sentence!.coverage).toBe(1);
    expect(sentence!.typeMatch).toBe(true);
    // Asked for something else, "country" is content the sentence must hold.
    const [other] = await weighEvidence("Did the forum take place in the country?", passages, options);
    expect(other!.coverage).toBeLessThan(1);
  });

  it("When a question asks how long or how many, Then the word after 'how' is not content, and the question's most specific term is one of its content terms", async () => {
    const passages = passagesOf("New employees serve a probation period of six months.");
    // A small corpus never says "long": with its IDF, the term would weigh most and be the question's focus.
    const idf = (term: string) => (term === "long" ? 5 : 1);
    const [sentence] = await weighEvidence("How long is probation?", passages, { ...options, idf });
    expect(sentence!.coverage).toBe(1);
    expect(sentence!.focus).toBe(1);
    // Elsewhere "long" is content: the answer must say it.
    const [other] = await weighEvidence("Is probation long?", passages, { ...options, idf });
    expect(other!.coverage).toBeLessThan(1);
    expect(other!.focus).toBe(0);
  });

  it("When a question asks what a term means or stands for, Then a definition that does not say 'mean' covers it", async () => {
    const passages = passagesOf("TOIL: Time off in lieu, taken later for hours worked beyond your contract.");
    for (const question of ["What does TOIL mean?", "what does toil stand for", "What is the meaning of TOIL?", "Define TOIL"]) {
      const [sentence] = await weighEvidence(question, passages, options);
      expect(sentence!.coverage, question).toBe(1);
    }
    // Asked otherwise, "mean" is content the sentence must hold.
    const [other] = await weighEvidence("Does TOIL mean extra pay?", passages, options);
    expect(other!.coverage).toBeLessThan(1);
  });
});

describe("opposites in a question asking whether", () => {
  it("When a question asks whether something is open, Then a sentence saying it is closed covers the adjective; a question asking what does not", async () => {
    expect(wordnet.antonyms("open")).toContain("closed");
    const passages = passagesOf("Monday: Closed (water quality testing)");
    const idf = (t: string) => (t === "lake" ? 0 : 1);
    const [closed] = await weighEvidence("Is the lake open on Mondays?", passages, { ...options, thesaurus: wordnet, idf });
    expect(closed!.coverage).toBe(1);
    const [other] = await weighEvidence("What is open on Mondays?", passages, { ...options, thesaurus: wordnet, idf });
    expect(other!.coverage).toBeLessThan(1);
  });
});
