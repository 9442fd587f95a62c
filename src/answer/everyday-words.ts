/**
 * @module everyday-words
 * People ask in everyday words what the documents of a service say in their own: "can I get my money back" of
 * "Refunds", "can my mate come along" of "Guests", "I misplaced my pass" of "Lost cards", "can I put my membership on
 * hold" of "Freezing your membership". Written by hand, not read from WordNet: it has
 * no "money back" or "plus-one", and the senses it puts first do not reach the document's word ("mate" is a spouse or
 * a ship's officer, "freeze" is to chill). Only words with one everyday meaning beside the document's are listed: not
 * "leave" (annual leave as often as leaving), "skip" (a skip is also a bin) or "late" (a late fee is no delay).
 *
 * Each entry is an everyday word or phrase, as a question writes it, with the words documents use for it. A word is
 * matched by its stem ("mates", "misplacing"), a phrase by its words' ("changed my mind").
 */
import { terms, words } from "../retrieval/tokenize.js";
import { type Thesaurus, withMoreSynonyms } from "./synonyms.js";

const EVERYDAY: [string, string[]][] = [
  // Money.
  ["money back", ["refund"]],
  ["pay anything", ["free", "cost", "charge"]],
  ["cost anything", ["free", "charge"]],
  ["cheapest", ["lowest"]],
  ["up front", ["deposit", "in advance"]],
  ["spread the cost", ["instalments"]],
  ["cheaper", ["discount", "concession", "reduced"]],
  ["money off", ["discount", "concession", "reduction"]],
  ["extra", ["additional", "surcharge", "supplement"]],
  ["overcharged", ["refund", "billing error"]],
  ["afford", ["cost", "financial help", "hardship"]],
  // What a household earns is its income: "my mum earns about 22k a year, can I get any help with costs?" of "household
  // income below £27,500".
  ...["earns", "earn", "earning", "earnings"].map((word): [string, string[]] => [word, ["income"]]),
  ["help with costs", ["financial help", "financial support", "bursary", "hardship"]],
  ["skint", ["cost", "financial help", "hardship"]],
  ["charged twice", ["duplicate", "refund"]],
  // What was not used: "will I get paid for the holiday I didn't take" of "accrued but unused vacation".
  ...["didn't take", "did not take", "haven't taken", "have not taken", "didn't use", "haven't used"].map((phrase): [string, string[]] => [phrase, ["untaken", "unused", "outstanding"]]),
  // "when do we have to pay the rest of the money?" of "The final balance is due 12 weeks before your wedding".
  ["pay the rest", ["balance", "remaining balance"]],
  ...["stop paying", "not paying", "don't pay"].map((phrase): [string, string[]] => [phrase, ["non-payment", "unpaid", "late payment", "arrears", "overdue"]]),
  ["wrong charge", ["charged incorrectly", "dispute"]],
  // A card by its scheme: "is it more expensive if I pay on my visa".
  ...["visa", "mastercard", "amex"].map((scheme): [string, string[]] => [scheme, ["card", "credit card"]]),
  ["unemployed", ["jobseeker", "benefits", "concession"]],
  ["out of work", ["jobseeker", "benefits", "concession"]],
  // "Could AI cost museum staff their jobs?" of "how AI might impact employment": WordNet's first job is an occupation.
  ["jobs", ["employment", "vacancies"]],
  // Changing one's plans.
  ["bail on", ["cancel", "cancellation"]],
  // Missing a rehearsal or a session: "how many tuesdays can I skip" of "You may miss up to 3 rehearsals per term".
  ...["can i skip", "can we skip", "i can skip"].map((phrase): [string, string[]] => [phrase, ["miss", "absence"]]),
  ["lock in", ["secure", "confirm", "book"]],
  ["post back", ["return"]],
  ["have a go", ["trial", "taster", "try"]],
  ["try out", ["trial", "taster"]],
  ["for a bit", ["temporarily", "temporary"]],
  ["for a while", ["temporarily", "temporary"]],
  ["hand in my notice", ["resign", "resignation"]],
  ["expiry", ["expire", "valid", "validity"]],
  ["expire", ["valid", "validity", "expiry"]],
  ["earliest", ["open", "opening"]],
  // A desk or a line is open while it is staffed: "When is the help desk open?" of "staffed from 8:00 to 18:00".
  ["open", ["staffed", "manned"]],
  ["get in", ["entry", "admission", "access", "open"]],
  ["get into", ["entry", "admission", "access", "open"]],
  ["let in", ["entry", "admission", "admit"]],
  ["on my own", ["alone", "unaccompanied"]],
  ["on your own", ["alone", "unaccompanied"]],
  ["by myself", ["alone", "unaccompanied"]],
  ["by yourself", ["alone", "unaccompanied"]],
  ["on her own", ["alone", "unaccompanied"]],
  ["on his own", ["alone", "unaccompanied"]],
  ["on their own", ["alone", "unaccompanied"]],
  ["alone", ["unaccompanied"]],
  ["warning", ["notice"]],
  ["borrow", ["hire", "loan"]],
  ["hire", ["rental", "rentals"]],
  ["rental", ["hire"]],
  ["haul away", ["removal", "remove", "collection"]],
  ["unhappy", ["complaint", "complain"]],
  ["sort out", ["resolve", "resolved"]],
  ["go down", ["outage", "downtime", "maintenance", "offline"]],
  ["say sorry", ["compensation", "apology"]],
  ["paperwork", ["documents", "records"]],
  ["not working", ["fault", "faulty", "troubleshooting"]],
  ["stop working", ["fault", "faulty", "troubleshooting"]],
  ["change my mind", ["cancel", "cooling-off"]],
  ["call off", ["cancel", "cancellation"]],
  ["quit", ["resign", "leave"]],
  ["on hold", ["freeze", "suspend", "pause"]],
  ["relocate", ["move"]],
  ["push back", ["postpone", "reschedule"]],
  ["put back", ["postpone", "reschedule"]],
  ["hang on to", ["hold", "keep"]],
  ["hold on to", ["hold", "keep"]],
  ["sign up", ["register", "registration", "enrol", "join"]],
  ["drop out", ["withdraw", "cancel"]],
  ["never turned up", ["missed"]],
  ["didnt show", ["missed", "no-show", "not turn up"]],
  ["did not show", ["missed", "no-show", "not turn up"]],
  ["no show", ["missed", "no-show"]],
  ["not turn up", ["missed"]],
  ["check in", ["arrival", "arrive"]],
  ["checkin", ["arrival", "arrive"]],
  ["check out", ["departure", "depart"]],
  ["checkout", ["departure", "depart"]],
  // Leaving a room or a cabin: "what time do I have to be out of my room on the last morning" of "Please vacate your
  // cabin by 8:00 a.m.".
  ...["be out of", "be out by"].map((phrase): [string, string[]] => [phrase, ["vacate", "check out", "departure"]]),
  // Boarding: "whats the latest I can get on board on the first day".
  ...["get on board", "get aboard"].map((phrase): [string, string[]] => [phrase, ["board", "boarding", "embarkation"]]),
  ["turn up", ["arrive", "attend"]],
  ["show up", ["arrive", "attend"]],
  ["pull out", ["cancel", "withdraw"]],
  ["swap", ["exchange", "change", "transfer"]],
  ["reverse", ["undo"]],
  // With what is sent back between: "I don't like the frames I picked, can I take them back".
  ...["send back", "send it back", "send them back"].map((phrase): [string, string[]] => [phrase, ["return"]]),
  ...["take back", "take it back", "take them back", "bring it back", "bring them back"].map((phrase): [string, string[]] => [phrase, ["return", "refund"]]),
  // "running about 10 min behind, will they still let me in".
  ...["running late", "running behind", "min behind", "mins behind", "minutes behind"].map((phrase): [string, string[]] => [phrase, ["late", "arrive"]]),
  ["hang around", ["wait", "stay"]],
  ["move house", ["move home"]],
  // Who is responsible: "who runs the billing team" of "Our billing team is led by Harriet Okafor".
  ["run", ["lead", "manage", "head"]],
  ["in charge", ["lead", "manager", "head", "responsible"]],
  // Passing a thing on: "how do I hand the workspace over to my colleague" of "Transfer ownership".
  ["hand over", ["transfer", "handover"]],
  // Being refused and contesting it: "the council said no to transport for us, how long have we got to challenge it".
  ["said no", ["refused", "declined", "rejected", "turned down"]],
  ["challenge", ["appeal", "review"]],
  // Being stopped from a service: "could they actually ban her from the school bus" of "While transport is suspended or
  // withdrawn".
  ["ban", ["suspend", "suspended", "withdraw", "withdrawn", "exclude"]],
  ["get in touch", ["contact"]],
  ["get in contact", ["contact"]],
  ["moan", ["complaint", "complain"]],
  ["boss", ["manager", "line manager"]],
  // "who owns muddy paws" of "led by owner and head groomer Kelsey Marchetti": "own" stems apart from "owner".
  ["who owns", ["owner", "proprietor"]],
  ["ring up", ["call", "phone"]],
  ["ring home", ["contact home", "phone", "call"]],
  ["call home", ["contact home", "phone"]],
  ["phone up", ["call", "phone"]],
  // People who come along.
  ["nan", ["grandparent", "senior"]],
  ["gran", ["grandparent", "senior"]],
  ["granny", ["grandparent", "senior"]],
  ["grandma", ["grandparent", "senior"]],
  ["grandad", ["grandparent", "senior"]],
  ["grandpa", ["grandparent", "senior"]],
  ["pick up", ["collect", "collection"]],
  ["husband", ["partner", "spouse"]],
  ["wife", ["partner", "spouse"]],
  ["son", ["child"]],
  ["daughter", ["child"]],
  ["newbie", ["beginner"]],
  ["first timer", ["beginner", "first-time"]],
  ["oap", ["senior", "pensioner"]],
  ["instructor", ["teacher", "tutor"]],
  ["everyone else", ["general public", "public"]],
  ["meet outside", ["assembly point"]],
  ["meeting point", ["assembly point"]],
  ["front desk", ["reception"]],
  ["receptionist", ["reception"]],
  ["cat", ["pet"]],
  ["chicken", ["hen", "poultry", "livestock"]],
  ["mate", ["guest", "visitor"]],
  ["pal", ["guest", "visitor"]],
  ["buddy", ["guest", "visitor"]],
  ["girlfriend", ["guest", "visitor"]],
  ["boyfriend", ["guest", "visitor"]],
  ["plus-one", ["guest"]],
  ["kid", ["child", "children"]],
  ["toddler", ["child", "children"]],
  ["baby", ["infant"]],
  ["teen", ["teenager", "young people"]],
  ["mum", ["parent"]],
  ["mom", ["parent"]],
  ["dad", ["parent"]],
  ["little one", ["child"]],
  ["grown-up", ["adult"]],
  ["buggy", ["pushchair", "pram", "stroller"]],
  ["pram", ["pushchair", "buggy", "stroller"]],
  ["stroller", ["pushchair", "pram", "buggy"]],
  ["nappy", ["baby changing"]],
  ["diaper", ["baby changing", "nappy"]],
  ["pensioner", ["senior", "concession"]],
  ["older people", ["senior"]],
  ["uni", ["university", "student"]],
  ["youngest", ["minimum age"]],
  ["oldest", ["maximum age"]],
  ["pet", ["dog", "cat", "animal"]],
  ["pup", ["puppy"]],
  ["dog", ["pet"]],
  ["hamster", ["pet"]],
  ...["tortoise", "guinea pig", "parrot", "budgie", "snake", "lizard", "ferret"].map((animal): [string, string[]] => [animal, ["pet", "animal"]]),
  // A dog by its breed: "can I bring my two labradors camping".
  ...["labrador", "spaniel", "terrier", "collie", "retriever", "poodle", "alsatian", "dachshund", "greyhound", "whippet", "beagle", "pug", "cockapoo", "labradoodle"].map(
    (breed): [string, string[]] => [breed, ["dog", "pet"]],
  ),
  ["without a lead", ["off-lead", "off lead"]],
  ["off the lead", ["off-lead", "off lead"]],
  ["vouch", ["guarantor"]],
  // Losing, breaking and having things taken.
  ["spill", ["liquid", "accidental damage"]],
  ["spilt", ["liquid", "accidental damage"]],
  ["speeding ticket", ["fine", "penalty", "traffic"]],
  ["scratched", ["damage", "damaged", "cosmetic"]],
  ["dented", ["damage", "damaged", "cosmetic"]],
  ["cracked", ["damage", "damaged"]],
  ["ruined", ["damage", "damaged"]],
  ["scrape", ["damage", "damaged", "scratch"]],
  ["locked up", ["frozen", "unresponsive"]],
  ["nothing responds", ["frozen", "unresponsive"]],
  ["packs up", ["fault", "faulty", "warranty"]],
  ["packed up", ["fault", "faulty", "warranty"]],
  ["robbed", ["stolen", "theft"]],
  ["burgled", ["theft", "burglary"]],
  ["hacked", ["compromised", "unauthorised", "unauthorized"]],
  ["misplace", ["lost"]],
  ["can't find", ["lost"]],
  ["cannot find", ["lost"]],
  ["mislay", ["lost"]],
  ["lose", ["lost", "loss"]],
  ["nicked", ["stolen", "theft"]],
  ["pinched", ["stolen", "theft"]],
  ["wreck", ["damage"]],
  ["smash", ["damage"]],
  ["broken", ["damage", "fault", "repair"]],
  ["fix", ["repair"]],
  ["turn on", ["switch on", "power on"]],
  ["switch on", ["turn on", "power on"]],
  ["turn off", ["switch off", "power off"]],
  ["switch off", ["turn off", "power off"]],
  // A light's signal: "the light on top of my mower keeps blinking red" of "Flashing red : No boundary signal".
  ["blink", ["flashing", "flash"]],
  ["mould", ["damp", "condensation"]],
  ["mold", ["damp", "mould", "condensation"]],
  ["left my", ["lost property", "lost"]],
  // Nobody came: "they never turned up to take my sofa" of "items not collected … report this within 2 working days".
  ...["never turned up", "didn't turn up", "did not turn up", "never came", "never showed"].map((phrase): [string, string[]] => [phrase, ["missed", "not collected", "no-show"]]),
  ["dumping", ["fly-tipping", "fly tipping"]],
  ["sacked", ["dismissed", "dismissal"]],
  // Fired from a job, not a fire alarm: "fired" alone is looked up by its stem, "fire".
  ["got fired", ["dismissed", "dismissal"]],
  ["get fired", ["dismissed", "dismissal"]],
  ["been fired", ["dismissed", "dismissal"]],
  ["packed in", ["breakdown", "broken down"]],
  ["break down", ["breakdown", "broken down"]],
  ["forget", ["forgotten", "reset"]],
  ["not remember", ["forgotten", "reset"]],
  // Starting a device again as it came: "how do I wipe it completely and start again from scratch".
  ["from scratch", ["factory reset", "reset"]],
  ["factory settings", ["factory reset"]],
  // Time.
  ["windy", ["wind", "weather"]],
  ["blowy", ["wind", "weather"]],
  ["rainy", ["rain", "weather"]],
  ["raining", ["rain", "weather"]],
  ["stormy", ["storm", "weather"]],
  ["thunderstorm", ["lightning", "storm", "weather"]],
  ["thunder", ["lightning", "storm", "weather"]],
  ["snowy", ["snow", "weather"]],
  ["midday", ["noon", "12pm", "12:00"]],
  ["lunchtime", ["lunch", "midday"]],
  ["urgent", ["emergency"]],
  // "Who do I call if the server goes down at night?" of "Urgent problems outside these hours, such as a server outage".
  ["at night", ["out of hours", "outside these hours", "overnight"]],
  // An hour of the night is out of hours: "is there anyone I can ring at 2am if my dog seems poorly".
  ...["middle of the night", "1am", "2am", "3am", "4am", "5am"].map((hour): [string, string[]] => [hour, ["out of hours", "overnight", "night", "midnight", "24 hours", "24/7"]]),
  ["asap", ["urgent", "emergency"]],
  ["deadline", ["closing date", "due"]],
  ["sleepover", ["overnight"]],
  ["stay the night", ["overnight"]],
  ["look around", ["visit", "tour", "open day", "open house"]],
  ["look round", ["visit", "tour", "open day", "open house"]],
  ["shut", ["close", "closing", "opening hours"]],
  ["kip", ["sleep", "overnight"]],
  ["fortnight", ["two weeks", "14 days"]],
  // "whats the latest I can turn up" of "Last entry is 45 minutes before closing".
  ["latest", ["last"]],
  // A group practises at its rehearsals or training sessions: "what night do you practise" of "Rehearsals are held on
  // Tuesdays from 7:30pm". Not "practice", as often a surgery.
  ["practise", ["rehearsal", "rehearse", "training"]],
  // "the last drill" is the most recent one; "last" alone is also the verb ("how long does it last").
  ["the last", ["most recent", "latest"]],
  ["ahead", ["in advance", "advance"]],
  ["vacation", ["holiday", "leave"]],
  ["noise", ["quiet"]],
  ["noisy", ["quiet"]],
  // A season by its weather: "what should I do with the robot over the cold months" of "… halfway through the winter".
  ["cold months", ["winter"]],
  ["warm months", ["summer"]],
  // Health.
  // "my tooth is killing me and it's saturday night, who do I phone?" of "If you are … in pain" under "Dental emergencies".
  ["killing me", ["pain", "emergency"]],
  ["hurts", ["pain", "painful"]],
  ["pills", ["medication", "medicine", "tablets"]],
  ["check up", ["check-up", "examination", "review"]],
  ["checkup", ["check-up", "examination", "review"]],
  ["allergic", ["allergy", "allergies"]],
  ["off school", ["absence", "absent"]],
  ["school dinner", ["school lunch", "lunch", "meals"]],
  ["wrong with", ["fault", "diagnostic", "diagnosis"]],
  ["toothache", ["dental pain", "emergency"]],
  ["jab", ["vaccination", "vaccine", "injection"]],
  ["meds", ["medication", "medicine", "prescription"]],
  ["op", ["operation", "surgery"]],
  ["chemist", ["pharmacy", "pharmacist"]],
  ["eye doctor", ["optometrist", "optician"]],
  ["disabled", ["accessible", "disability"]],
  ["poorly", ["ill", "unwell"]],
  ["defibrillator", ["aed", "defib"]],
  ["defib", ["aed", "defibrillator"]],
  ["a temperature", ["fever"]],
  ["throw up", ["vomiting", "sickness"]],
  ["mat leave", ["maternity leave"]],
  ["sick note", ["fit note", "medical certificate"]],
  ["doctor's note", ["fit note", "medical certificate"]],
  ["work from home", ["remote", "hybrid"]],
  ["wfh", ["working from home", "remote"]],
  ["resit", ["retake", "re-sit"]],
  ["retake", ["resit", "re-sit"]],
  ["sick", ["ill", "illness", "sickness"]],
  ["time off", ["leave", "absence"]],
  ["day off", ["leave", "absence"]],
  ["wheelchair", ["accessible", "step-free"]],
  // People from elsewhere: "do I get charged for outside people I add to a board" of "Guests are people from outside
  // your organization".
  ["outside people", ["guests", "external"]],
  // Things at home and about.
  ["mug", ["cup", "reusable cup"]],
  ["veg", ["vegetables"]],
  ["eat", ["food", "refreshments", "cafe", "catering"]],
  ["snacks", ["refreshments", "food"]],
  ["bathroom", ["toilet", "toilets", "restroom"]],
  ["restroom", ["toilet", "toilets"]],
  ["washroom", ["toilet", "toilets"]],
  ["car", ["vehicle"]],
  ["van", ["vehicle"]],
  ["motorbike", ["motorcycle"]],
  ["bin day", ["collection", "collection day"]],
  ["sheets", ["bedding", "linen"]],
  ["bike", ["bicycle", "cycle"]],
  ["parcel", ["package", "delivery"]],
  ["cash machine", ["atm", "cashpoint"]],
  ["cashpoint", ["atm", "cash machine"]],
  ["rubbish", ["waste", "refuse"]],
  ["get rid of", ["dispose", "disposal", "empty"]],
  ["dirty water", ["grey water", "gray water", "waste water"]],
  ["sink water", ["grey water", "gray water"]],
  ["trash", ["waste", "rubbish"]],
  ["duvet", ["bedding"]],
  ["sofa", ["furniture", "bulky"]],
  ["couch", ["furniture", "bulky"]],
  ["fridge", ["refrigerator", "appliance"]],
  ["telly", ["television", "tv"]],
  ["loo", ["toilet", "toilets"]],
  ["wifi", ["wi-fi", "wireless", "internet"]],
  ["internet", ["wi-fi", "broadband"]],
  ["vape", ["e-cigarette", "smoking"]],
  ["booze", ["alcohol"]],
  ["beer", ["alcohol"]],
  ["wine", ["alcohol"]],
  ["pint", ["alcohol"]],
  ["misty", ["fog", "visibility"]],
  ["drizzle", ["light rain", "rain"]],
  // "can i ride it when its pouring down".
  ["pouring", ["rain", "wet"]],
  // An organisation's word for keeping children safe: "who do I talk to if I'm worried about a child's safety at camp".
  ...["child's safety", "child safety", "children's safety", "worried about a child"].map((phrase): [string, string[]] => [phrase, ["safeguarding", "welfare"]]),
  // A kind of a thing by its name: "why can't I take a bunch of roses in for my nan" of "Fresh flowers … are not
  // permitted on any ward", "can I put a peanut butter sandwich in my son's lunchbox?" of "a nut-free site".
  ...["roses", "tulips", "lilies", "bouquet"].map((kind): [string, string[]] => [kind, ["flowers"]]),
  ...["peanut", "peanuts", "almonds", "cashews", "nutella"].map((kind): [string, string[]] => [kind, ["nuts", "nut"]]),
  ["dark", ["night"]],
  ["hold up", ["delay"]],
  ["graduated", ["alumni", "graduate"]],
  ["shortest", ["minimum"]],
  ["foggy", ["fog", "visibility"]],
  ["in one go", ["continuously", "continuous"]],
  ["cigarette", ["smoking"]],
  ["downstairs", ["ground floor"]],
  ["upstairs", ["first floor"]],
  ["car park", ["parking"]],
  ["parking lot", ["car park", "parking"]],
  ["apartment", ["flat"]],
  ["feed", ["meal", "food"]],
  ["fed", ["meal", "food", "lunch"]],
  ["subs", ["membership", "subscription"]],
  ["complain", ["complaint", "objection", "object"]],
  ["flippers", ["fins"]],
  ["sax", ["saxophone"]],
  ["stickers", ["labels"]],
  ["tupperware", ["containers", "container"]],
  ["sit-down", ["seated", "banquet"]],
  ["xbox", ["games console", "console"]],
  ["playstation", ["games console", "console"]],
  ["locked myself out", ["lockout", "locked out", "lost key"]],
  // An account that shuts its user out is locked: "how many times can i type my password wrong before it shuts me out".
  ...["shuts me out", "shut me out", "locks me out", "lock me out"].map((phrase): [string, string[]] => [phrase, ["lock", "locked", "lockout"]]),
  // Typed wrong is a failed attempt: "how many times can i type my password wrong" of "5 failed sign-in attempts".
  ...["password wrong", "wrong password", "pin wrong", "wrong pin", "too many times"].map((phrase): [string, string[]] => [phrase, ["failed", "attempts", "incorrect"]]),
  ["orange", ["amber"]],
  // "make up my mind", "make my mind up" (phrases are looked up by three words at most).
  ["up my mind", ["decide", "accept"]],
  ["my mind up", ["decide", "accept"]],
  // A limit in words: "minimum length for a password" of "be at least 14 characters long".
  ["minimum", ["at least"]],
  ["length", ["long"]],
  // Places, bodies and devices in everyday words.
  ["padlock", ["lock"]],
  ...["airpods", "earbuds", "earphones"].map((device): [string, string[]] => [device, ["headphones"]]),
  ["inbox", ["mailbox", "email"]],
  // A fire one lights outdoors, not a fire alarm: "am i allowed to have a fire on my allotment".
  ...["have a fire", "light a fire"].map((phrase): [string, string[]] => [phrase, ["bonfire", "bonfires"]]),
  ["overgrown", ["cultivation", "non-cultivation", "weeds"]],
  ["squeeze", ["fit", "capacity", "seats"]],
  ["jacuzzi", ["hot tub", "spa"]],
  ["stomach bug", ["diarrhoea", "vomiting", "sickness", "illness"]],
  ["tummy bug", ["diarrhoea", "vomiting", "sickness", "illness"]],
  ["samsung", ["android"]],
  ...["ubuntu", "debian", "fedora", "mint"].map((distribution): [string, string[]] => [distribution, ["linux"]]),
  ["iphone", ["ios"]],
  ["ipad", ["ios", "ipados"]],
  ["macbook", ["mac", "macos"]],
  ["chromebook", ["chromeos", "chrome os"]],
  // Family.
  ["mum", ["parent"]],
  ["mom", ["parent"]],
  ["dad", ["parent"]],
  ["second child", ["sibling"]],
  ["second kid", ["sibling"]],
  ["in the dark", ["night vision", "low light"]],
  ["lights are off", ["night vision", "low light"]],
];

/** A word or phrase as the list is keyed: its words' stems, a stop word as written ("on hold" is not "hold"), joined by "_". */
const keyOf = (phrase: string) =>
  words(phrase.replace(/_/g, " "))
    .map((word) => terms(word)[0] ?? word)
    .join("_");

const DOCUMENT_WORDS = new Map(EVERYDAY.map(([everyday, documents]) => [keyOf(everyday), documents]));

/** The words documents use for an everyday word or phrase (a phrase's words joined by "_", as WordNet writes them); empty for any other. */
function documentWords(phrase: string): string[] {
  const key = keyOf(phrase);
  return key ? (DOCUMENT_WORDS.get(key) ?? []) : [];
}

/** The thesaurus, with the words documents use among an everyday word's synonyms. */
export function withEverydayWords(thesaurus: Thesaurus): Thesaurus {
  return withMoreSynonyms(thesaurus, (word) => documentWords(word));
}

// Phrases of up to three words are looked up ("change my mind"), the longest first.
const LONGEST_PHRASE = 3;

/**
 * How keyword search should see a question: with the words documents use for its everyday words and phrases, which
 * no word of the question finds ("can I get my money back" finds "Refunds"). A word of a phrase found is not looked
 * up again alone: "running late" is no "run" ("who runs …": lead, manage).
 */
export function withDocumentWords(question: string): string {
  const asked = words(question);
  const more = new Set<string>();
  const found = new Set<number>();
  for (let length = LONGEST_PHRASE; length > 0; length--) {
    for (let at = 0; at + length <= asked.length; at++) {
      const positions = Array.from({ length }, (_, i) => at + i);
      if (positions.some((position) => found.has(position))) continue;
      const documents = documentWords(asked.slice(at, at + length).join(" "));
      if (!documents.length) continue;
      documents.forEach((word) => more.add(word));
      positions.forEach((position) => found.add(position));
    }
  }
  return more.size ? `${question} ${[...more].join(" ")}` : question;
}
