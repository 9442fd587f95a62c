import { describe, expect, it } from "vitest";
import { expectedAnswerType } from "../../src/answer/answer-type.js";
import { namesAnotherAudience } from "../../src/answer/audiences.js";
import { namesNoSumKindAsked } from "../../src/answer/sum-kinds.js";
import { weighEvidence } from "../../src/answer/evidence.js";
import { namesAnotherChannel } from "../../src/answer/contact-channels.js";
import { namesAnotherDesignation } from "../../src/answer/designations.js";
import { namesAnotherMonth } from "../../src/answer/months.js";
import { namesAnotherPeriod } from "../../src/answer/periods.js";
import { namesAnotherPlatform } from "../../src/answer/platforms.js";
import { namesOnlyQualified } from "../../src/answer/qualified.js";
import { namesOnlyUnspecified } from "../../src/answer/unspecified.js";
import { namesAnotherSum } from "../../src/answer/sums.js";
import { namesAnotherVersion } from "../../src/answer/versions.js";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { passagesOf } from "./passages.js";

describe("another platform", () => {
  it("When a question names an operating system, Then a text naming only others answers for another; one naming none, or it among others, may answer", () => {
    const windows = namesAnotherPlatform("where is the log file on windows");
    expect(windows("Log file (Linux): `/var/log/emberdb/emberd.log`")).toBe(true);
    expect(windows("Config file › macOS (Intel): `/usr/local/etc/emberdb/ember.conf`")).toBe(true);
    for (const holds of ["Config file › Windows: `C:\\ProgramData\\EmberDB\\ember.conf`", "Logs are kept for 30 days.", "Supported: Windows 11, macOS 14 and Ubuntu 22.04."]) {
      expect(windows(holds)).toBe(false);
    }
    expect(namesAnotherPlatform("how do I install it on linux")("On Ubuntu, run `sudo apt install emberdb`.")).toBe(false);
    expect(namesAnotherPlatform("where is the log file")("Log file (Linux): `/var/log/emberdb/emberd.log`")).toBe(false);
    // A system's own installer or package manager names it.
    const mac = namesAnotherPlatform("How do I install EmberDB on a Mac?");
    expect(mac("Download the MSI installer from the releases page, or use winget:")).toBe(true);
    expect(mac("sudo apt install emberdb")).toBe(true);
    expect(mac("brew install emberdb")).toBe(false);
    expect(namesAnotherPlatform("How do I brew a latte?")("Press the Windows key.")).toBe(false);
  });
});

describe("another audience", () => {
  const audienceOf = (question: string) => namesAnotherAudience(question, expectedAnswerType(question));
  it("When a question names whom it asks for, Then a text naming only others answers for them; asked whether, any may answer", () => {
    const cat = audienceOf("wellness rewards price for a cat");
    expect(cat("For dogs, Wellness Rewards costs $18 per month.")).toBe(true);
    expect(cat("Wellness Rewards costs $18 a month for dogs and $12 for cats.")).toBe(false);
    expect(cat("Wellness Rewards is an optional add-on.")).toBe(false);
    const student = audienceOf("student ticket price");
    expect(student("Adults: £12; children under 16: £6.")).toBe(true);
    expect(student("Concessions (over-65s, students): £9.")).toBe(false);
    // Members, residents and guests, apart from the "non-" of each.
    expect(audienceOf("How much do the guest artists charge per hour?")("Hourly rate: £110 per hour for all resident artists.")).toBe(true);
    const nonMember = audienceOf("day pass price non members");
    expect(nonMember("Members: free entry to every session.")).toBe(true);
    expect(nonMember("Non-members pay £8 for a day pass.")).toBe(false);
    expect(audienceOf("Can children come to the tasting?")("Tastings are for adults only.")).toBe(false);
    // Asked whether and what, it asks for the value: another audience's is none.
    expect(audienceOf("is there a season lease for adults and what does it cost")("Our Junior Season Lease gives your child a ski package for the whole season for $189.")).toBe(true);
    // Nor for a question asking for no value: the adult is who the question is about, not whom a price is for.
    expect(audienceOf("who do I speak to if I'm worried about how an adult at the club treats my son")("Children's welfare: speak to our welfare officer.")).toBe(false);
  });
});

describe("the early or late kind of a thing", () => {
  it("When a question names a thing bare, Then a text naming it only early or late answers for another kind; one naming it bare too may answer", () => {
    const checkIn = namesOnlyQualified("What time is check-in at the Larkspur House?");
    expect(checkIn("Early check-in from 12 noon can be arranged for £25, subject to availability.")).toBe(true);
    expect(checkIn("Check-in is from 3pm; early check-in from 12 noon costs £25.")).toBe(false);
    expect(checkIn("Rooms are ready from 3:00pm.")).toBe(false);
    expect(namesOnlyQualified("how much is the fee")("Late fees are £5 a week.")).toBe(true);
    expect(namesOnlyQualified("funding for 3 year olds")("Early Years funding covers 15 hours a week.")).toBe(false);
    // Asked of the early kind, the text answers.
    expect(namesOnlyQualified("can I check in early")("Early check-in from 12 noon can be arranged for £25.")).toBe(false);
  });

  it("When a question asks of a dog, Then a text naming only assistance dogs answers for another kind, unless assistance dogs are asked of", () => {
    const dog = namesOnlyQualified("can we bring our dog on the boat");
    expect(dog("Assistance dogs are, of course, welcome on both boats.")).toBe(true);
    expect(dog("Dogs travel free on leads; assistance dogs are welcome in the cabin.")).toBe(false);
    expect(namesOnlyQualified("are guide dogs allowed")("Assistance dogs and guide dogs are welcome.")).toBe(false);
  });
});

describe("another contact channel", () => {
  it("When a question names a way to reach someone, Then a text naming only other ways answers for another; the phone a shop mends is no channel", () => {
    const phone = namesAnotherChannel("What are the phone support hours for help with a restore?");
    expect(phone("Email: restore-help@stratusvault.com (we reply within one business day)")).toBe(true);
    expect(phone("Live chat: 24 hours a day, 7 days a week")).toBe(true);
    expect(phone("Phone: 1-800-555-0193, Monday to Friday, 8:00 a.m. to 8:00 p.m.")).toBe(false);
    expect(phone("Our support team is happy to help.")).toBe(false);
    expect(namesAnotherChannel("can I get a quote by email")("Call us on 0161 555 0100 for a quote.")).toBe(true);
    expect(namesAnotherChannel("phone repair prices")("Email us for a quote.")).toBe(false);
  });
});

describe("another period", () => {
  it("When a question names the period a price is counted by, Then a text naming only other periods answers for another; one naming none, or it among others, may answer", () => {
    const monthly = namesAnotherPeriod("monthly parking pass price hospital");
    expect(monthly("Parents and carers of inpatients can buy a weekly concession pass for £10.")).toBe(true);
    expect(monthly("Parking costs £2.50 per day.")).toBe(true);
    expect(monthly("A monthly pass costs £40.")).toBe(false);
    expect(monthly("Passes cost £12 a month or £120 a year.")).toBe(false);
    expect(monthly("Storage add-on: +1 TB for $4/mo.")).toBe(false);
    expect(monthly("Passes are sold at the main reception.")).toBe(false);
    expect(namesAnotherPeriod("How much is the cottage per night?")("£120 a day in August.")).toBe(false);
    expect(namesAnotherPeriod("family plan price per year")("Family: $11.99/mo")).toBe(true);
    expect(namesAnotherPeriod("How much is a Garden Suite?")("£35 per night")).toBe(false);
  });
});

describe("another month", () => {
  it("When a question names a month or a season, Then a text naming only other months answers for another; a range holds the months between", () => {
    const winter = namesAnotherMonth("what time does the tip shut in winter");
    expect(winter("Summer (April to September): 8am to 8pm.")).toBe(true);
    expect(winter("Winter (October to March): 8am to 4pm.")).toBe(false);
    expect(winter("The tip is closed on 25 and 26 December.")).toBe(false);
    const july = namesAnotherMonth("is there a minimum number of guests for a wedding in July");
    expect(july("On Saturdays between May and September we ask for a minimum of 60 adult day guests.")).toBe(false);
    expect(july("In January and February the minimum is 40.")).toBe(true);
    // "may" in lower case is the verb.
    expect(namesAnotherMonth("may I bring my dog")("Dogs are welcome from June to August.")).toBe(false);
  });
});

describe("another version", () => {
  it("When a question names a release line, Then a text naming only others answers for another; prices, times and rooms are no versions", () => {
    const fourX = namesAnotherVersion("how long will 4.x keep getting security updates");
    expect(fourX("3.x receives security fixes only, until 2025-03-31.")).toBe(true);
    expect(fourX("Version 3.12.1 fixed the watcher.")).toBe(true);
    for (const holds of ["4.x is the current release line and receives new features.", "v4.1 adds TOML support.", "Security fixes are released monthly.", "3.x and 4.x both read YAML."]) {
      expect(fourX(holds)).toBe(false);
    }
    expect(namesAnotherVersion("can I still use require() with version 4")("Version 4.0.0 — 2024-09-16")).toBe(false);
    // A question naming no version, and decimals that are not versions.
    expect(namesAnotherVersion("how long are security updates given")("3.x receives security fixes only.")).toBe(false);
    expect(namesAnotherVersion("what does v4 cost")("The desk in Room 3.12 costs £12.50 from 10.30.")).toBe(false);
  });
});

describe("another sum", () => {
  it("When a question names a sum of money, Then a text naming only other sums answers for another; bare numbers are no sums", () => {
    const cover = namesAnotherSum("tenant protection plan $10,000 coverage price");
    expect(cover("The Tenant Protection Plan costs $12 per month for $2,000 of coverage, or $19 per month for $5,000 of coverage.")).toBe(true);
    for (const holds of ["Cover up to $10k costs $30 per month.", "$10,000 of coverage costs $30.", "Ask the office about higher cover.", "Unit 10,000 is by the gate."]) {
      expect(cover(holds)).toBe(false);
    }
    // A band holding the sum asked about names it.
    const band = namesAnotherSum("What AER do I get on £20,000 if interest is paid annually?");
    expect(band("| £10,000 – £49,999 | 3.80% | 3.85% | Annually |")).toBe(false);
    expect(band("| £50,000 – £250,000 | 3.95% | 4.00% | Annually |")).toBe(true);
    expect(band("Balances over £10,000 earn 3.85%.")).toBe(false);
    expect(band("Balances up to £9,999 earn 3.5%.")).toBe(true);
    expect(namesAnotherSum("I spent £50, do I get free delivery?")("Delivery is free on orders over £40.")).toBe(false);
    // A question naming no sum.
    expect(namesAnotherSum("how much is the protection plan")("$12 per month for $2,000 of coverage")).toBe(false);
  });
});

describe("another row of a table", () => {
  const fares = "| Ticket | Adult | Child |\n| --- | --- | --- |\n| 7-Day Rider | £24.00 | £12.00 |\n| Day Rider (all zones) | £6.50 | £3.25 |\n| Group Day Rider | £13.00 | £13.00 |\n";

  it("When a question names one row's first cell whole, Then rows whose first cell says more are other records, though they hold every term asked", async () => {
    const evidence = await weighEvidence("How much is a Day Rider for an adult?", passagesOf(fares), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    const row = (key: string) => evidence.find((s) => s.text.startsWith(`Ticket: ${key};`))!;
    expect(row("Day Rider (all zones)")).toMatchObject({ typed: true, typeMatch: true });
    expect(row("7-Day Rider")).toMatchObject({ typed: true, typeMatch: false });
    expect(row("Group Day Rider")).toMatchObject({ typed: true, typeMatch: false });
    // The row named may be in another passage of the document.
    const split = await weighEvidence(
      "How much is a Day Rider for an adult?",
      passagesOf("| Ticket | Adult |\n| --- | --- |\n| 7-Day Rider | £24.00 |\n", "| Ticket | Adult |\n| --- | --- |\n| Day Rider | £6.50 |\n"),
      { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking },
    );
    expect(split.find((s) => s.text.startsWith("Ticket: 7-Day Rider;"))!.typeMatch).toBe(false);
    // Naming no row's first cell whole, the question leaves every row its own.
    const weekly = await weighEvidence("How much is a weekly rider ticket?", passagesOf(fares), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(weekly.find((s) => s.text.startsWith("Ticket: 7-Day Rider;"))!.typeMatch).toBe(true);
  });
});

describe("a row saying nothing asked", () => {
  it("When a row's own cells hold no term of the question, and the question asks of what neither the row nor the title names, Then the row is another record", async () => {
    const lessons = "| Lesson type | Duration | Manual |\n| --- | --- | --- |\n| Single lesson | 1 hour | £38.00 |\n| Use of school car for practical test | approx. 2 hours | £95.00 |\n";
    const weigh = (question: string) => weighEvidence(question, passagesOf(lessons), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    const car = (evidence: Awaited<ReturnType<typeof weigh>>) => evidence.find((s) => s.text.includes("school car"))!;
    expect(car(await weigh("assessment lesson price for intensive course"))).toMatchObject({ typed: true, typeMatch: false });
    expect(car(await weigh("price of the school car for my test"))).toMatchObject({ typed: true, typeMatch: true });
    // Asked of the columns alone, every row may answer.
    expect(car(await weigh("manual lesson price"))).toMatchObject({ typed: true, typeMatch: true });
  });
});

describe("the row named most nearly", () => {
  it("When no row's first cell is the question's whole, Then a row naming every term asked with more words beyond them than another row is another record", async () => {
    const prices = "| Service | Price |\n| --- | --- |\n| MOT test (Class 4) | £54.85 |\n| MOT + interim service | £189.00 |\n| Interim service | £149.00 |\n";
    const evidence = await weighEvidence("How much is an MOT?", passagesOf(prices), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    const row = (key: string) => evidence.find((s) => s.text.startsWith(`Service: ${key};`))!;
    expect(row("MOT test (Class 4)")).toMatchObject({ typed: true, typeMatch: true });
    expect(row("MOT + interim service")).toMatchObject({ typed: true, typeMatch: false });
    // Asked of both, the row naming both answers.
    const both = await weighEvidence("How much is an MOT with an interim service?", passagesOf(prices), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(both.find((s) => s.text.startsWith("Service: MOT + interim service;"))).toMatchObject({ typed: true, typeMatch: true });
  });
});

describe("a value beside what the question asks about, named without one", () => {
  const weigh = (question: string, text: string) => weighEvidence(question, passagesOf(text), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
  const garage = "Courtesy car: a small courtesy car is available for £10 per day, subject to availability. It must be booked in advance. An insurance excess applies in the event of damage.\n";

  it("When a later sentence names what is asked about, and no value at all, Then the value before it is another thing's", async () => {
    const excess = await weigh("courtesy car insurance excess how much", garage);
    expect(excess.find((s) => s.text.includes("£10"))).toMatchObject({ typed: true, typeMatch: false });
    // Asked of the car, the value is the one asked for.
    const car = await weigh("how much is the courtesy car per day", garage);
    expect(car.find((s) => s.text.includes("£10"))).toMatchObject({ typed: true, typeMatch: true });
    // Named by the later sentences of a paragraph together.
    const offer =
      "Introductory offer: new pupils can book their first two hours for £55.\n\nIntensive courses are also available for pupils who want to learn over a week or two. Because these depend on your experience, we quote for them individually after an assessment lesson.\n";
    expect((await weigh("assessment lesson price for intensive course", offer)).find((s) => s.text.includes("£55"))).toMatchObject({ typed: true, typeMatch: false });
    expect((await weigh("introductory offer price", offer)).find((s) => s.text.includes("£55"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When the value's sentence lacks one term asked, Then it is another thing's only where a later sentence names the whole question as something there is", async () => {
    const tea = "Afternoon tea costs £18.50 per person and must be booked 48 hours ahead. A children's afternoon tea is also available.\n";
    expect((await weigh("childrens afternoon tea price", tea)).find((s) => s.text.includes("£18.50"))).toMatchObject({ typed: true, typeMatch: false });
    const charger = "Standard charger CH-40: approx. 90 minutes from empty. The charger will not start until the battery has cooled.\n";
    expect((await weigh("How long does the battery take to charge?", charger)).find((s) => s.text.includes("90 minutes"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When the later sentence goes on with the same item, points back, or holds a number of its own, Then the value still answers", async () => {
    const tables = "- We hold tables for 15 minutes after the booked time. After that the table may be given to waiting guests, so do call if you are running late.\n";
    expect((await weigh("running late how long table held", tables)).find((s) => s.text.includes("15 minutes"))).toMatchObject({ typeMatch: true });
    const zoo = "- Winter (1 November – end of February): 10am to 4pm\n\nWe're closed on 25 December only, so you can even come and see the penguins on Boxing Day.\n";
    expect((await weigh("what time does the zoo shut in december", zoo)).find((s) => s.text.includes("4pm"))).toMatchObject({ typeMatch: true });
  });
});

describe("another item of a list", () => {
  const weigh = (question: string, text: string) => weighEvidence(question, passagesOf(text), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
  const itemsAbout = "Hardware:\n\n- Standard laptop: Lenovo ThinkPad T14, 32 GB RAM.\n- Engineering roles can request a MacBook Pro 14\" instead; your manager must approve it.\n";

  it("When a question asks for a value of one item, Then another item of the list, which the item asked about covers better, has no answer of the kind asked", async () => {
    const evidence = await weigh("how much RAM does the MacBook Pro have", itemsAbout);
    expect(evidence.find((s) => s.text.includes("ThinkPad"))).toMatchObject({ typed: true, typeMatch: false });
    // Asked of the laptop it names, the item answers.
    const standard = await weigh("how much RAM does the standard laptop have", itemsAbout);
    expect(standard.find((s) => s.text.includes("ThinkPad"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When the question names one item's label whole, Then an item whose label it does not name is another record, in any passage of the document", async () => {
    const programs = "Wash programs:\n\n- Quick: 30 min. Lightly soiled dishes.\n- Rinse Only: 12 min. Rinses dishes to hold until you have a full load.\n";
    const evidence = await weigh("quick wash how long", programs);
    expect(evidence.find((s) => s.text.startsWith("Rinse Only"))).toMatchObject({ typed: true, typeMatch: false });
    expect(evidence.find((s) => s.text.startsWith("Quick"))).toMatchObject({ typed: true, typeMatch: true });
    // In two passages of one document.
    const split = await weighEvidence("quick wash how long", passagesOf("- Rinse Only: 12 min.", "- Quick: 30 min."), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(split.find((s) => s.text.startsWith("Rinse Only"))!.typeMatch).toBe(false);
    // Naming no label whole, the question leaves every item its own.
    expect((await weigh("how long is a wash", programs)).find((s) => s.text.startsWith("Rinse Only"))!.typeMatch).toBe(true);
  });

  it("When the item asked about goes on in a second sentence, or another item shares only a word of the question, Then the item still answers", async () => {
    const trips =
      "- Single Trip: cover for one trip of up to 94 days.\n- Annual Multi-Trip: unlimited trips in the year. Each trip is limited to a maximum of 31 days.\n- Winter sports cover is included on Annual Multi-Trip policies for up to 17 days in total.\n";
    const evidence = await weigh("What is the maximum length of each trip on an Annual Multi-Trip policy?", trips);
    expect(evidence.find((s) => s.text.includes("31 days"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When another item covers more of the question but names another channel, day … than the one asked about, Then it does not make the item asked about another record", async () => {
    const channels =
      "Our support team is happy to help you through any restore.\n\n- Live chat: 24 hours a day, 7 days a week.\n- Email: restore-help@stratusvault.example (we reply within one business day)\n- Phone: 1-800-555-0193, Monday to Friday, 8:00 a.m. to 8:00 p.m.\n";
    const evidence = await weigh("What are the phone support hours for help with a restore?", channels);
    expect(evidence.find((s) => s.text.startsWith("Phone:"))).toMatchObject({ typed: true, typeMatch: true });
    expect(evidence.find((s) => s.text.startsWith("Email:"))).toMatchObject({ typed: true, typeMatch: false });
  });
});

describe("a heading that says when or how much", () => {
  const notes = "## Version 4.2.0 — March 12, 2025\n\n### New\n\n- Offline mode for all notebooks.\n- Nested tags.\n";
  const passages = () => [{ ...passagesOf(notes)[0]!, chunk: { ...passagesOf(notes)[0]!.chunk, source: "notes.md", title: "Release Notes", headingPath: ["Version 4.2.0 — March 12, 2025", "New"] } }];
  const weigh = (question: string) => weighEvidence(question, passages(), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });

  it("When a question asks when and a heading holds the date, Then the heading is a sentence that can answer it", async () => {
    const evidence = await weigh("When was version 4.2.0 released?");
    expect(evidence.find((s) => s.text === "Version 4.2.0 — March 12, 2025")).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When a question asks for anything but a date or a time, or a heading holds none, Then headings are no sentences", async () => {
    expect((await weigh("What is new in version 4.2.0?")).some((s) => s.text.startsWith("Version 4.2.0"))).toBe(false);
    expect((await weigh("When were nested tags added?")).some((s) => s.text === "New")).toBe(false);
  });

  it("When a question asks what something costs and a heading holds the sum, Then the heading is a sentence that can answer it", async () => {
    const plans = "### Family: $11.99/mo or $119/yr\n\n- Storage: 2 TB shared pool\n- Users: up to 5 people\n";
    const evidence = await weighEvidence("family plan price per year", passagesOf(plans), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(evidence.find((s) => s.text === "Family: $11.99/mo or $119/yr")).toMatchObject({ typed: true, typeMatch: true });
    const storage = await weighEvidence("family plan storage", passagesOf(plans), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(storage.some((s) => s.text.startsWith("Family:"))).toBe(false);
  });

  it("When a heading says when only in the question's own words, Then it is no sentence", async () => {
    const arrival = "## Arrival weekend\n\nKeys are collected from reception between 10am and 6pm on both days.\n";
    const evidence = await weighEvidence("key collection times arrival weekend", passagesOf(arrival), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });
    expect(evidence.some((s) => s.text === "Arrival weekend")).toBe(false);
    expect(evidence.some((s) => s.text.startsWith("Keys are collected"))).toBe(true);
  });
});

describe("a value said of another clause", () => {
  const weigh = (question: string, text: string) => weighEvidence(question, passagesOf(text), { idf: () => 1, ranking: BUNDLED_CALIBRATION.ranking });

  it("When a sentence's clauses are parted by a semicolon, Then a value counts only in the clauses holding the most of the question", async () => {
    const postage = "We ship books by UPS at no cost to you; you pay the return postage.";
    const asked = await weigh("how much does return postage cost for home delivery books", postage);
    expect(asked.find((s) => s.text.startsWith("We ship"))).toMatchObject({ typed: true, typeMatch: false });
    const shipping = await weigh("how much does shipping cost", postage);
    expect(shipping.find((s) => s.text.startsWith("We ship"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When a sentence opens with a condition holding the question and its main clause holds none of it, Then the main clause's value is another thing's", async () => {
    const membership = "Once you've completed Wheel Throwing Foundations, you're eligible for a studio membership at $165/month.";
    const course = await weigh("How much is the Wheel Throwing Foundations course?", membership);
    expect(course.find((s) => s.text.startsWith("Once"))).toMatchObject({ typed: true, typeMatch: false });
    const studio = await weigh("How much is studio membership after Wheel Throwing Foundations?", membership);
    expect(studio.find((s) => s.text.startsWith("Once"))).toMatchObject({ typed: true, typeMatch: true });
    // A word naming the kind of answer is the question's too.
    const late = await weigh("cancel one off clean less than 48 hours charge", "If you cancel with less than 48 hours' notice, we will charge 50% of the quoted price.");
    expect(late.find((s) => s.text.startsWith("If"))).toMatchObject({ typed: true, typeMatch: true });
  });

  it("When a sentence opens with the thing it prices and that thing holds none of the question, Then its sum is another thing's, unless the sentence names what is asked", async () => {
    const spa = "A 50-minute full body massage costs £78. Our therapists also offer facials.";
    const facial = await weigh("how much is a facial at the spa", spa);
    expect(facial.find((s) => s.text.startsWith("A 50-minute"))).toMatchObject({ typed: true, typeMatch: false });
    const massage = await weigh("how much is a massage at the spa", spa);
    expect(massage.find((s) => s.text.startsWith("A 50-minute"))).toMatchObject({ typed: true, typeMatch: true });
    // A subject naming only the kind of answer prices what the question asks about.
    const collection = await weigh("bulky item collection price", "The charge is £35 for up to 3 items. We collect furniture and white goods.");
    expect(collection.find((s) => s.text.startsWith("The charge"))).toMatchObject({ typed: true, typeMatch: true });
  });
});

describe("another car park, room or band", () => {
  it("When a question names a place or grade by its letter or number, Then a text naming only others of its kind answers for another; a range or a list holds those it spans", () => {
    const carParkD = namesAnotherDesignation("how many spaces in car park D");
    expect(carParkD("Car Park C (entrance on Ridgeway Road), which has 410 spaces")).toBe(true);
    expect(carParkD("Car Park D (multi-storey), levels 2 to 4 only")).toBe(false);
    expect(carParkD("Staff holding a valid permit may park in:")).toBe(false);
    const band6 = namesAnotherDesignation("I'm a band 6 nurse, what will parking set me back each month?");
    expect(band6("Bands 5 to 7: £21.00")).toBe(false);
    expect(band6("Bands 1 to 4: £12.00")).toBe(true);
    expect(band6("Band 8a and above: £34.00")).toBe(true);
    expect(namesAnotherDesignation("court 3 booking")("Courts 1, 2 and 4 are floodlit")).toBe(true);
    expect(namesAnotherDesignation("court 2 booking")("Courts 1, 2 and 4 are floodlit")).toBe(false);
    expect(namesAnotherDesignation("where is room 230")("Rooms 210–228 hold the instruments")).toBe(true);
    // A letter designates only as a capital in a text, and "a" in a question is the article.
    expect(namesAnotherDesignation("car park b opening hours")("Park in a car park a mile away")).toBe(false);
    expect(namesAnotherDesignation("is parking in zone a problem")("Zone B is free")).toBe(false);
  });
});

describe("one of some, unspecified", () => {
  it("When a question asks which one of a thing, Then a text naming the thing only as one of some does not say which; one telling it apart, or not naming it, may", () => {
    const platform = namesOnlyUnspecified("which bounty platform do you pay through", "any");
    expect(platform("Payments are made through our bounty platform partner in US dollars.")).toBe(true);
    expect(platform("We pay through the HackerOne bounty platform.")).toBe(false);
    expect(platform("We pay through HackerOne.")).toBe(false);
    expect(namesOnlyUnspecified("which orchard do the apples come from", "any")("apples and pears from local orchards")).toBe(true);
    expect(namesOnlyUnspecified("which section is doing the teas this thursday", "any")("run by a different section each week")).toBe(true);
    const bin = namesOnlyUnspecified("which bin does glass go in", "any");
    expect(bin("Glass goes in the bin.")).toBe(true);
    expect(bin("Glass goes in the blue bin.")).toBe(false);
    expect(namesOnlyUnspecified("which bobbins sm-240", "any")("Use only Class 15 bobbins.")).toBe(false);
  });

  it("When the question asks for a value, or asks no which, Then no text names its thing unspecified", () => {
    expect(namesOnlyUnspecified("which day are bins collected", expectedAnswerType("which day are bins collected"))("Put your bin out the day before collection.")).toBe(false);
    expect(namesOnlyUnspecified("what bin does glass go in", "any")("Glass goes in the bin.")).toBe(false);
  });
});

describe("a kind of sum apart from a price", () => {
  it("When a question asks for a deposit, an excess or a fine, Then only a text naming that kind answers, or one under a heading naming it and no price", () => {
    const deposit = namesNoSumKindAsked("How much is the deposit for a full day session?");
    expect(deposit("Full day session: £650 for roughly six hours of tattooing, breaks included.", "Prices and deposits")).toBe(true);
    expect(deposit("Deposits: £50 for pieces under three hours; £100 for larger work and all day sessions.", "Prices and deposits")).toBe(false);
    expect(deposit("Full day session: £100.", "Deposits")).toBe(false);
    // A question asking for no such kind is answered by any price.
    expect(namesNoSumKindAsked("How much is a full day session?")("Full day session: £650.")).toBe(false);
  });
});
