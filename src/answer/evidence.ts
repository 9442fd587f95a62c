/**
 * @module evidence
 * How well each sentence of the retrieved passages answers a question: the
 * share of the question's information (IDF-weighted terms) that the sentence
 * covers, alone and with its passage; how close it is in meaning (cosine of
 * sentence embeddings, when an embedder is given); and whether it holds the
 * kind of thing asked for (a number for "how many", a date for "when", an
 * amount for "what price"). Both the extractive answerer and the confidence
 * score read this, so they agree on what counts as evidence.
 */
import type { RankingModel, SentenceFeature } from "../core/answer-calibration.js";
import { isStopWord, joinedCompounds, terms, words } from "../retrieval/tokenize.js";
import { acronymTerms, capitalisedStopWords } from "./acronyms.js";
import { namesAnotherAudience } from "./audiences.js";
import { namesOtherSide } from "./bounds.js";
import { chunkSentences, type Sentence } from "./chunk-sentences.js";
import { endsWithStop } from "../ingest/closing-punctuation.js";
import { namesAnotherChannel } from "./contact-channels.js";
import { namesAnotherPeriod } from "./periods.js";
import { type AnswerType, askedAction, asksHowTo, EXCLUSION, expectedAnswerType, holdsAnswerType, isContact, isValue, LIGHT_VERBS, namesAnotherRole, namesAnswerType, withoutDegreeWord } from "./answer-type.js";
import { predict } from "./logistic-model.js";
import { namesAnotherDay } from "./days-of-the-week.js";
import { asksForWhatIsPublished, defersElsewhere } from "./deferrals.js";
import { namesAnotherDesignation } from "./designations.js";
import { namesAnotherMonth } from "./months.js";
import { namesOpposite } from "./opposites.js";
import { namesAnotherPlatform } from "./platforms.js";
import { namesAnotherQuantity } from "./quantities.js";
import { namesOnlyQualified } from "./qualified.js";
import { namesOnlyUnspecified } from "./unspecified.js";
import { namesAnotherSum } from "./sums.js";
import { namesNoSumKindAsked } from "./sum-kinds.js";
import { namesAnotherVersion } from "./versions.js";
import { asksWhatIsNot, asksWhy, saysWhatIsNot } from "./negation.js";
import { synonymTerms, type Thesaurus, verbsApart } from "./synonyms.js";
import type { Passage } from "./types.js";

export interface SentenceEvidence {
  /** Passage number ([n]) the sentence comes from. */
  n: number;
  /** The document it is in; `start`/`end` are offsets in it. */
  source: string;
  /** The section it is in: its passage's heading path, one heading per line ("" before any heading). */
  section: string;
  /** True for an item of a numbered or bulleted list (its marker is not part of `text`) or a line of code. */
  listItem: boolean;
  /** True for a line of a code block (evidence only for a question asking how to do something). */
  code: boolean;
  /** True for a sentence of a list item after its first one (quoted on the item's line). */
  continuesItem?: boolean;
  /** True for a row of a table, its cells named by their columns. */
  tableRow?: true;
  /** True for the last sentence of its paragraph. */
  endsParagraph?: true;
  /** Offsets in the source document. */
  start: number;
  end: number;
  text: string;
  /** IDF-weighted share of question terms found in the sentence, 0..1. */
  coverage: number;
  /** The same share over the sentence and its passage together, 0..1. */
  contextCoverage: number;
  /** The same share over all retrieved passages together (one value per question), 0..1. */
  retrievedCoverage: number;
  /** Cosine similarity of sentence and question embeddings; 0 when no embedder was given. */
  similarity: number;
  /**
   * True when the question asks for a kind of answer (a number, date, amount, role, person, organisation, country,
   * place or contact detail), names the action a how-to asks for, or asks what is not so ("What is not covered?"); and
   * for a table row of another record than the one asked for, whatever the question asks.
   */
  typed: boolean;
  /**
   * False when the question asks for a kind of answer and the sentence has none, or names the role asked about only as
   * another ("Deputy Director", or held at another organisation: namesAnotherRole), or is a table row of another record
   * than the one asked for, or the question asks what is not so and neither the sentence nor its headings say anything
   * is (negation.ts).
   */
  typeMatch: boolean;
  /**
   * True for a line led by a label that names every term of the question, the value after it of the kind asked for:
   * "Residence Manager: Priya Castellano" for "Who is the residence manager?". Organisations write their facts so.
   */
  labelled: boolean;
  /** Share of the sentence's content terms that the question does not use: an answer says something new, 0..1. */
  novelty: number;
  /** 1 when the sentence holds the question's most specific term (highest IDF), ½ when only its passage does, else 0. */
  focus: number;
  /**
   * Share of the question's neighbouring term pairs that also stand close in the
   * sentence: "Director-General of UNESCO" is not matched by "Director-General,
   * Hungarian National Museum … UNESCO", though every word is there.
   */
  phraseMatch: number;
  /** The sentence's place in its passage, 0 for the first. */
  position: number;
  /**
   * True when the heading of the sentence's own section, below the document's title, holds a term of the question:
   * under "Tickets", "Adults pay 12 euros" answers "How much is a ticket?" without saying "ticket".
   */
  namedBySection: boolean;
  /** The heading of the sentence's own section, below the document's title; undefined for a sentence under the title alone. */
  sectionHeading?: string;
  /** The heading its section is under, below the document's title ("4.1.3 — 22 April 2024" above "Fixed"), if any. */
  parentHeading?: string;
  /** The retrieval score of the sentence's passage (fused, 0..1). */
  passageScore: number;
  /** How likely the sentence is to hold the answer (the fitted ranking), 0..1; answer sentences are picked by it. */
  score: number;
}

export type Idf = (term: string) => number;

/** Cosine similarities of the question to each text (an embedder behind it). */
export type SentenceSimilarity = (question: string, texts: string[]) => Promise<number[]>;

export type { RankingModel };

export interface EvidenceOptions {
  idf: Idf;
  similarity?: SentenceSimilarity;
  ranking: RankingModel;
  /** Synonyms that count as the question's words; without it only the words themselves (and acronyms) count. */
  thesaurus?: Thesaurus;
}

// A sentence opening with a word that points back ("He is best known for playing Nikko", "It is conducted by our
// Behavior Lead, Marcus Delgado", "Both are printed on the rating label") says nothing on its own: the sentence before
// it names what it points to. It is weighed with that sentence's terms and quoted after it (extractive.ts's
// antecedent). Not also, for a passage's first sentence, the sentence before the chunk, read from the document at
// answer time as a table's header is: measured (`npm run eval -- --only=qa`, 2026-12-06), NQ-open's confident answers
// went from 494 to 487 and its answers holding a gold answer from 80.6 to 80.4 %, SQuAD's unanswerable questions not
// answered confidently from 74.1 to 73.6 %, and the seed set's "Who represented the Hungarian National Museum on the
// panel?" stayed uncertain ("panel" weighs little there).
const POINTS_BACK = /^(?:he|she|it|they|his|her|its|their|this|these|those|both)\b/iu;

/** Whether a sentence opens by pointing back to the one before it. */
export const pointsBack = (text: string) => POINTS_BACK.test(text);
// "The Meet & Sniff lasts 3 hours. It is held on Tuesdays. It is conducted by Marcus Delgado.": back over this many
// sentences that point back in turn, to the one naming what they are about.
const MAX_POINTING_BACK = 2;
// A sentence saying that something is there to have: "… are also available", "Club kit includes … a wind vest".
const SAYS_THERE_IS = /\b(?:available|offered|on offer|includes?|including|comes? with|there (?:is|are))\b/iu;
// Clauses parted by semicolons are read apart only if each has at least this many words (clausesAskedOf).
const MIN_CLAUSE_WORDS = 4;
// A sentence opening with the thing it prices: "A 50-minute full body massage costs £78".
const PRICED_SUBJECT = /^\s*(?:(?:an?|the|our|each|every)\s+)?((?!(?:it|this|that|they|these|those|there|which)\b)[^,;:.()]{3,60}?)\s+(?:costs?|is|are|will cost|is charged at|are charged at|starts? at|start from|starts? from)\s+(?:just\s+|only\s+|from\s+)?[$€£]/iu;
// A sentence opening with a clause of when or on what condition, its main clause after the comma: "Once you've
// completed Wheel Throwing Foundations, you're eligible for a studio membership at $165/month".
const OPENING_CONDITION = /^\s*(?:once|after|when|whenever|if|unless|before|until|since|while|although|though|as soon as)\b([^,;]{3,120}),\s+(.+)$/isu;

/**
 * What `sentence` is read with, in order (`before` gives the one before a sentence): a list item's earlier sentences
 * for its later one ("Morning exams start at 9:00am. Students should line up outside the Sports Hall by 8:40am."), else
 * the sentences it points back to; none when it does neither.
 */
export function antecedents<S extends { text: string; listItem?: boolean; continuesItem?: boolean }>(sentence: S, before: (s: S) => S | undefined): S[] {
  if (sentence.continuesItem) {
    const item: S[] = [];
    for (let s = before(sentence); s?.listItem; s = s.continuesItem ? before(s) : undefined) item.unshift(s);
    return item;
  }
  const chain: S[] = [];
  for (let s: S | undefined = sentence; chain.length < MAX_POINTING_BACK && s !== undefined && pointsBack(s.text); ) {
    s = before(s);
    if (s !== undefined) chain.unshift(s);
  }
  return chain;
}

// A line's label and its value: a few words without a digit before the first colon ("Residence Manager: Priya
// Castellano", "Sunday: 8:00am – 4:00pm"), not a clock time's colon.
const LABEL = /^([^:\d]{2,60}?):\s+(\S.*)$/su;
// A coverage of the whole question, allowing for rounding.
const WHOLE = 0.999;

// A sentence saying what its document covers: "This handbook covers the practical stuff: when and where we rehearse,
// … and what to wear" names every topic and answers none, and had been quoted for "What do I wear for the concert?".
// Not "This policy applies to all employees": who a policy is for is an answer.
const SIGNPOST =
  /^\W*(?:this|the following)\s+(?:handbook|guide|page|document|leaflet|policy|section|booklet|pack|faq|notice|letter|manual|newsletter|article|agreement)\s+(?:covers|explains|sets out|describes|tells you|outlines|summari[sz]es|answers)\b/iu;

/** A sentence ending with a colon: the items, or the code, after it are what it says ("You will need:"). */
export const introducesList = (sentence: { text: string }) => sentence.text.trimEnd().endsWith(":");

// A line of this many words at most that does not end as a sentence ends names what the list below it is about
// ("**Park & Ride (recommended)**"). A sentence introducing a list (ending with a colon) leads it whatever its length:
// "The annual subscription is due on 1 October each year and is set as follows:" names what "Full membership: £180"
// costs. (Held to five words as well, it lost that answer and kept "Nights away are a highlight of Scouting and we run
// plenty of them:" from lending "run" to "Beavers: one sleepover a year" for "who runs beavers": over all the read
// groups, 1,155 confident answers at 0.910 became 1,152 at 0.908, `npm run eval -- --only=qa`, 2026-12-07.)
const MAX_LEAD_LABEL_WORDS = 5;
// A list's items walked back over to reach its lead.
const MAX_ITEMS_BEFORE = 12;

/**
 * Where the line leading the list a first sentence of an item is in stands: a sentence introducing it ("Your password
 * must:") or a label ("**Park & Ride (recommended)**"). Its words are the item's words too, not its values: alone, "be
 * at least 14 characters long" said nothing of a password, and "£4 per car, pay by card on entry" nothing of the park
 * and ride.
 */
function listLead(sentences: readonly Sentence[], position: number): number | undefined {
  const sentence = sentences[position]!;
  if (!sentence.listItem || sentence.continuesItem || sentence.code) return undefined;
  let at = position - 1;
  while (at >= 0 && position - at <= MAX_ITEMS_BEFORE && sentences[at]!.listItem) at--;
  const lead = sentences[at];
  if (lead === undefined || lead.listItem || lead.tableRow) return undefined;
  const label = !endsWithStop(lead.text, ".!?") && lead.text.split(/\s+/u).length <= MAX_LEAD_LABEL_WORDS;
  return introducesList(lead) || label ? at : undefined;
}

/** Every sentence of the passages, scored as evidence for the question, best first. */
export async function weighEvidence(question: string, passages: Passage[], options: EvidenceOptions): Promise<SentenceEvidence[]> {
  const type = expectedAnswerType(question);
  const content = contentTerms(question, type, options.idf);
  const coverageOf = questionCoverage(content);
  const questionWords = new Set(words(question));
  const questionTerms = new Set(terms(question));
  const questionPairs = termPairs(question);
  const focusTerm = [...content].reduce<[string, number] | undefined>((best, term) => (best === undefined || term[1] > best[1] ? term : best), undefined)?.[0];
  const viaAcronyms = acronymTerms(question);
  const viaSynonyms = synonymTerms(question, options.thesaurus);
  const anotherRole = namesAnotherRole(question, type);
  // Another day of the week, month, platform, software version, sum of money, count, contact channel or period (per
  // month, per year) than the one asked about, the other side of a bound it names, the early or late kind of what it
  // names bare (qualified.ts), another audience (audiences.ts), or the opposite of what it asks about (alternatives.ts
  // and the modules it names); or, asked which one, names it only unspecified (unspecified.ts).
  const namesAnotherAlternative = [
    namesAnotherDay,
    namesAnotherMonth,
    namesAnotherPlatform,
    namesAnotherVersion,
    namesAnotherSum,
    namesAnotherQuantity,
    namesOtherSide,
    namesOnlyQualified,
    namesAnotherAudience,
    namesAnotherChannel,
    namesAnotherPeriod,
    namesOpposite(options.thesaurus),
    namesAnotherDesignation,
    namesOnlyUnspecified,
  ].map((another) => another(question, type));
  // "What is not covered?" asks for what a sentence, or its section's heading, says is not so. That only caps the
  // outcome and marks the ranking's typeMismatch: putting such sentences first for the answer (measured, `npm run
  // eval`, 2026-12-05) quoted a warranty's exclusions, but over fifteen documents answered "What does the travel
  // insurance not cover?" confidently with a table row whose excess is "none", and an NQ-open and a SQuAD answer lost
  // their gold ("when did the us not go to the olympics", "What didn't Newton's mechanics affect?").
  const negated = asksWhatIsNot(question);
  // A reason is something the question does not say: a sentence of the question's own words ("Do NOT bring firewood
  // from home" for "Why can't I bring firewood from home?") restates it.
  const why = asksWhy(question);
  // A sentence saying where the asked thing is published gives no value of it (deferrals.ts).
  const valueWanted = asksForWhatIsPublished(question);
  // What a text holds of the question: its terms, "AI" counting for "artificial intelligence" and back, "concerns" for "worries".
  const apart = verbsApart(question, options.thesaurus);
  const held = (text: string, textTerms: string[] = terms(text)) => {
    const found = new Set([...textTerms, ...viaAcronyms(text)]);
    for (const verb of apart(text)) found.delete(verb);
    for (const t of viaSynonyms(found)) found.add(t);
    return found;
  };
  // The document's title is every passage's context, as a Markdown document's first heading is (its heading path
  // starts with it). A plain-text document's title line and a web page's <title> are in no heading path, and "Who is the
  // secretary of the community garden?" had not found "community garden" around "Secretary: Priya Venkataraman", in
  // the contacts of a text titled "MILL LANE COMMUNITY GARDEN ASSOCIATION".
  const passageTerms = passages.map(({ chunk }) => held(`${chunk.text} ${headingsWithTitle(chunk)}`));
  // A table's row is a record of its own. Its context is the passage without the rows, and without what any row tells
  // rows apart by: "Does the off-peak membership include classes?" is not answered by the off-peak row because the
  // full membership's row names classes, nor "How much is express delivery to the EU?" by the Express (UK) row because
  // the page's prose mentions the EU.
  // A heading is no answer, but one that holds the date, time or sum asked for says it: "## Version 4.2.0 — March 12,
  // 2025" says when 4.2.0 was released, "### Quiz night — Friday 18 October, 7:30pm" when the quiz is, "### Family:
  // $11.99/mo or $119/yr" what the family plan costs (its lines say what it holds). Not by the question's
  // own words: "Arrival weekend" says no time of "key collection times arrival weekend", and quoted it had made the
  // answer below it uncertain.
  // So does a heading that names what the question asks the meaning of and says more: "E13  FUSER ERROR" says what
  // "error E13" means, the lines under it what to do.
  // A question's word in another form is no word beyond it: "Error codes" says nothing more of "What does error code E2
  // mean?" (it had been quoted after "E2: Drain problem").
  const isQuestionWord = (word: string) => {
    const said = terms(word);
    return words(word).every((w) => questionWords.has(w)) || (said.length > 0 && said.every((t) => questionTerms.has(t)));
  };
  const wordsBeyondQuestion = (heading: string) => heading.split(/\s+/u).filter((word) => !isQuestionWord(word)).join(" ");
  const keepHeading =
    type === "date" || type === "day" || type === "time" || type === "amount"
      ? (heading: string) => holdsAnswerType(wordsBeyondQuestion(heading), type, questionWords)
      : ASKED_MEANING.test(question)
        ? (heading: string) => terms(heading).some((t) => questionTerms.has(t)) && terms(wordsBeyondQuestion(heading)).length > 0
        : undefined;
  const sentencesOf = passages.map(({ chunk, tableHeader }) => chunkSentences(chunk, tableHeader, keepHeading));
  // Each sentence's terms, and what it holds of the question, read once: the rows, the action and the candidates use them.
  const termsOf = sentencesOf.map((sentences) => sentences.map((s) => terms(s.text)));
  const heldOf = sentencesOf.map((sentences, p) => sentences.map((s, i) => held(s.text, termsOf[p]![i])));
  // Where the line leading each list item's list stands (listLead): read once, by its item and by the item's record.
  const leadsOf = sentencesOf.map((sentences) => sentences.map((_, i) => listLead(sentences, i)));
  // Whether each sentence names another day, channel … than the one asked about: read once, by its list's items and by itself.
  const namesAnotherOf = sentencesOf.map((sentences) => sentences.map((s) => namesAnotherAlternative.some((another) => another(s.text))));
  // Each sentence's label and value (LABEL), read once: an item's label and the ranking's `labelled` use them.
  const labelsOf = sentencesOf.map((sentences) => sentences.map((s) => LABEL.exec(s.text)));
  const rowContextTerms = passages.map(({ chunk }, p) => {
    const sentences = sentencesOf[p]!;
    if (!sentences.some((s) => s.tableRow)) return undefined;
    const rowTerms = new Set(sentences.flatMap((s, i) => (s.tableRow ? [...heldOf[p]![i]!] : [])));
    const context = held(`${sentences.filter((s) => !s.tableRow).map((s) => s.text).join(" ")} ${chunk.headingPath.join(" ")}`);
    return new Set([...context].filter((t) => !rowTerms.has(t)));
  });
  // A row without a term of the question that another row of its table holds is another record than the one asked
  // for: the EU's row, not Express (UK)'s, says what delivery to the EU costs — and neither answers express delivery
  // to the EU. It has no answer of the kind asked for, as a sentence naming the role at another organisation has not.
  // A term of the document's title or the table's headings is what every row is about, not what tells rows apart: the
  // F28 row of a boiler's fault codes saying "gas not reaching the boiler" does not make F22's another record for "My
  // boiler shows F22, what does that mean?".
  const titleTerms = passages.map(({ chunk }) => held(headingsWithTitle(chunk)));
  // A question term that one record of passage `p` lacks and one of `others` holds (the table's other rows, a list's
  // other items), unless the title or headings hold it.
  const anotherRecordHolds = (p: number, mine: Set<string>, others: Set<string>[]) =>
    [...content.keys()].some((term) => !holdsTerm(mine, term) && !holdsTerm(titleTerms[p]!, term) && others.some((found) => holdsTerm(found, term)));
  // So is a row whose first cell says more than the question where another row of its document has a first cell the
  // question names whole (what it says in brackets aside): "How much is a Day Rider for an adult?" names the "Day Rider
  // (all zones)" row, not "7-Day Rider" nor "Group Day Rider", though all three hold every term asked.
  const namedWhole = (key: string | undefined) => {
    const name = key?.replace(/\([^)]*\)/gu, " ");
    return name !== undefined && terms(name).length > 0 && words(name).every((word) => questionWords.has(word));
  };
  // The documents some of whose passages `named` holds for.
  const sourcesWhere = (named: (p: number) => boolean) => new Set(passages.flatMap(({ chunk }, p) => (named(p) ? [chunk.source] : [])));
  const rowNamedIn = sourcesWhere((p) => sentencesOf[p]!.some((s) => s.tableRow && namedWhole(s.rowKey)));
  // Where no row's first cell is named whole, the row whose first cell names every term asked with the fewest words
  // beyond them is the record asked for: "How much is an MOT?" names "MOT test (Class 4)" more nearly than "MOT +
  // interim service", a package of two. The package's row (£189.00) had been quoted over the test's (£54.85).
  const wordsBeyondAsked = (key: string | undefined) => {
    const name = key?.replace(/\([^)]*\)/gu, " ");
    if (name === undefined || !content.size) return undefined;
    const found = held(name);
    if (![...content.keys()].every((term) => holdsTerm(found, term))) return undefined;
    return words(name).filter((word) => !isStopWord(word) && !questionWords.has(word)).length;
  };
  // Each row's count, read once; undefined for a sentence that is no row, or a row not naming every term asked.
  const beyondOf = sentencesOf.map((sentences) => sentences.map((s) => (s.tableRow ? wordsBeyondAsked(s.rowKey) : undefined)));
  const fewestBeyond = new Map<string, number>();
  passages.forEach(({ chunk }, p) => {
    for (const beyond of beyondOf[p]!) {
      if (beyond !== undefined) fewestBeyond.set(chunk.source, Math.min(beyond, fewestBeyond.get(chunk.source) ?? Infinity));
    }
  });
  // And a row whose own cells hold nothing asked, when the question asks of something neither the row nor the title
  // names: the "Use of school car for practical test … £95.00" row holds only its column's "Lesson type", and had
  // answered "assessment lesson price for intensive course" (0.86), which the page says is quoted individually. Not a
  // question asking of the columns alone ("adult ticket price" of a fares table with an Adult column).
  const rowSaysNothingAsked = (p: number, position: number, heldTerms: Set<string>) => {
    const cells = sentencesOf[p]![position]!.rowCells;
    if (cells === undefined) return false;
    const inCells = held(cells);
    const askedTerms = [...content.keys()];
    return !askedTerms.some((term) => holdsTerm(inCells, term)) && askedTerms.some((term) => !holdsTerm(heldTerms, term) && !holdsTerm(titleTerms[p]!, term));
  };
  const anotherRow = (p: number, position: number, heldTerms: Set<string>) => {
    const source = passages[p]!.chunk.source;
    const fewest = fewestBeyond.get(source);
    return (
      rowSaysNothingAsked(p, position, heldTerms) ||
      anotherRecordHolds(
        p,
        heldTerms,
        sentencesOf[p]!.flatMap((s, other) => (other !== position && s.tableRow ? [heldOf[p]![other]!] : [])),
      ) ||
      (rowNamedIn.has(source) && !namedWhole(sentencesOf[p]![position]!.rowKey)) ||
      (!rowNamedIn.has(source) && fewest !== undefined && (beyondOf[p]![position] ?? Infinity) > fewest)
    );
  };
  // A list's item is a record too, its sentences together, for a question asking for a value: "Standard laptop: Lenovo
  // ThinkPad T14, 32 GB RAM" does not say how much RAM the MacBook Pro has when another item names the MacBook Pro
  // (0.93 had answered it). Only where that item covers more of the question: any item holding a term this one lacks
  // (as table rows are read) took right answers, "Winter sports cover is included on Annual Multi-Trip policies" making
  // "Annual Multi-Trip: … each trip limited to a maximum of 31 days" another policy's for "What is the maximum length of
  // each trip on an Annual Multi-Trip policy?" (`npm run eval -- --only=qa`, 2026-12-06: three right confident answers
  // of the small corpora lost, and two near-misses no longer answered).
  // Each passage's items by the position of their first sentence, with what they hold of the question and its share;
  // read only for a question asking for a value. An item naming another day, channel … than the one asked about
  // (namesAnotherAlternative) is no better record than this one, whatever it holds: "Email: restore-help@…" holds
  // "restore" and "help", but does not make "Phone: 1-800-555-0193, … 8:00 a.m. to 8:00 p.m." another record for "What
  // are the phone support hours for help with a restore?".
  const itemsOf = sentencesOf.map((sentences, p) => {
    if (type === "any") return undefined;
    const starts: (number | undefined)[] = [];
    const heldByItem = new Map<number, Set<string>>();
    const aboutAnother = new Set<number>();
    sentences.forEach((s, i) => {
      if (!s.listItem || s.tableRow || s.code) return;
      const start = s.continuesItem && starts[i - 1] !== undefined ? starts[i - 1]! : i;
      starts[i] = start;
      // With the words of the line leading its list: items under one lead are alike in them, and under another unlike.
      const lead = leadsOf[p]![i];
      heldByItem.set(start, new Set([...(heldByItem.get(start) ?? []), ...heldOf[p]![i]!, ...(lead === undefined ? [] : heldOf[p]![lead]!)]));
      if (namesAnotherOf[p]![i]) aboutAnother.add(start);
    });
    const items = new Map(
      [...heldByItem].map(([start, found]) => {
        const label = labelsOf[p]![start]?.[1];
        return [start, { found, coverage: coverageOf(found), aboutAnother: aboutAnother.has(start), labelNamed: label === undefined ? undefined : namedWhole(label) }];
      }),
    );
    return { starts, items };
  });
  // Items listing ways to get in touch are one body's channels, not other records: one is a better record for a
  // telephone number, an e-mail or a web address only if it holds one. "Help center: help.lumorahome.com" names Lumora
  // where "Phone: 1-888-555-0147" names nothing asked, but gives no telephone number, and had made the number's line
  // another record for "What's Lumora's support phone number?". (A value's item is another record whatever the better
  // one holds: "Standard laptop: … 32 GB RAM" is not the MacBook Pro's RAM, though the MacBook's item says none.)
  const channelsAsked = isContact(type);
  const itemText = (p: number, start: number) => sentencesOf[p]!.filter((_, i) => itemsOf[p]!.starts[i] === start).map((s) => s.text).join(" ");
  // So is an item whose label the question does not name, where it names another's whole (in any passage of the
  // document), as a row's first cell is read: "quick wash how long" is the "Quick: 30 min" item's, and "Rinse Only: 12
  // min", whose "Rinses dishes" holds "wash" as a synonym, had been quoted (0.77).
  const labelNamedIn = sourcesWhere((p) => [...(itemsOf[p]?.items.values() ?? [])].some((item) => item.labelNamed));
  const anotherItem = (p: number, position: number) => {
    const start = itemsOf[p]?.starts[position];
    if (start === undefined) return false;
    const { items } = itemsOf[p]!;
    const mine = items.get(start)!;
    if (mine.labelNamed === false && labelNamedIn.has(passages[p]!.chunk.source)) return true;
    const better = [...items]
      .filter(
        ([other, item]) =>
          other !== start && !item.aboutAnother && item.coverage > mine.coverage && (!channelsAsked || holdsAnswerType(itemText(p, other), type, questionWords)),
      )
      .map(([, item]) => item.found);
    return anotherRecordHolds(p, mine.found, better);
  };
  const valueAsked = isValue(type);
  // Where a sentence's sum is another thing's price, the part of it that is about the question, with no sum (undefined
  // where the sum may be the one asked for).
  // A sentence opening with the thing it prices prices that thing: where the thing holds no word of the question and
  // the sentence lacks the question's most specific term, the sum is another thing's ("A 50-minute full body massage
  // costs £78" for "how much is a facial at the spa", 0.77, the facials named in the next sentence). Not a subject
  // naming only the kind of answer: "The charge is £35 for up to 3 items" prices the bulky item collection asked about.
  // A sum in the main clause of a sentence opening with a condition is the price of what the main clause names: where
  // it holds no word of the question and the condition does, the sum is another thing's (the course asked about is
  // the condition of the membership priced, 0.80 for "How much is the Wheel Throwing Foundations course?"). Any word
  // of the question: "If you cancel with less than 48 hours' notice, we will charge 50% of the quoted price" says the
  // charge asked for, though "charge" names the kind of answer and is no content. A sum only: a length of time or a
  // date in the main clause is as often counted from the event the condition names, in other words than the
  // question's ("Once we've accepted your return, please allow up to 5 working days for the money to reach your
  // account" for "refund how long card", which any value had lost, with an e-mail's reply time; `npm run eval --
  // --only=qa`, 2026-12-07).
  const holdsQuestionWord = (part: string) => {
    const found = held(part);
    return [...questionTerms].some((term) => holdsTerm(found, term));
  };
  const pricedOfAnother = (text: string): string | undefined => {
    const priced = PRICED_SUBJECT.exec(text);
    const subject = priced?.[1];
    const namesAThing = subject !== undefined && words(subject).some((word) => !isStopWord(word) && !namesAnswerType(word, type));
    if (namesAThing && focusTerm !== undefined && !holdsTerm(held(text), focusTerm) && !holdsQuestionWord(subject)) return subject;
    const [, condition, main] = OPENING_CONDITION.exec(text) ?? [];
    if (condition !== undefined && coverageOf(held(condition)) > 0 && !holdsQuestionWord(main!)) return condition;
    return undefined;
  };
  // A value is said of what its clause is about: "We ship books by UPS at no cost to you; you pay the return postage"
  // says no cost of return postage (0.92 had answered "how much does return postage cost for home delivery books").
  // Of a sentence in clauses parted by semicolons, the clauses holding the most of the question are what it says of
  // it. Not a table's row, whose cells the semicolons part, nor a list of short items ("Monday–Friday 7:00 a.m.–7:00
  // p.m.; Saturday 8:00 a.m.–4:00 p.m.; closed Sunday", where "closed" held the question's "shut" and lost Saturday's
  // hours): each clause must be of four words or more. Not clauses joined by ", and", which as often share their
  // subject: parted, "Your records are stored securely …, and are kept for six years" lost how long records are kept,
  // and "You must tell us about your circumstances, and you must tell us within 21 days" how long one has to tell.
  const clausesAskedOf = (text: string) => {
    const aboutAnother = type === "amount" ? pricedOfAnother(text) : undefined;
    if (aboutAnother !== undefined) return aboutAnother;
    const clauses = text.split(/;\s+/u);
    if (clauses.length < 2 || clauses.some((clause) => words(clause).length < MIN_CLAUSE_WORDS)) return text;
    const coverages = clauses.map((clause) => coverageOf(held(clause)));
    const most = Math.max(...coverages);
    return clauses.filter((_, i) => coverages[i] === most).join("; ");
  };
  // A value of a sentence lacking two or more terms asked is another thing's where a later sentence of its passage
  // names them all and gives no value of any kind (no digit, nor one of the kind asked): "Courtesy car: a small
  // courtesy car is available for £10 per day … An insurance excess applies in the event of damage" names the excess
  // and says no sum of it, and the car's £10 had answered "courtesy car insurance excess how much" (0.91).
  // Not a sentence going on with the same list item ("We hold tables for 15 minutes … After that …, so do call if you
  // are running late"), pointing back ("It must be …"), or holding a number of its own: "We're closed on 25 December
  // only" does not make winter's "10am to 4pm" another thing's for "what time does the zoo shut in december" (a date
  // said there took that right answer). Values only: a name or a place is as often said before what it is of.
  // The later sentence is read with the rest of its paragraph, when that gives no value either: "Intensive courses are
  // also available … Because these depend on your experience …, we quote for them individually after an assessment
  // lesson" names the intensive course's assessment lesson, and the introductory offer's "£55" before it had answered
  // its price (0.80).
  // Not where only one term asked is missing, though it is the question's most specific ("A 50-minute full body massage
  // costs £78" before the spa's "massages, facials and …" for "how much is a facial at the spa"): so read (`npm run eval
  // -- --only=qa`, 2026-12-07), four wrong confident answers of the small corpora fell to uncertain, and five right ones
  // with them ("What time does the post office counter close on Wednesdays?" lost its answer to another sentence).
  // Nor a list's item or a table's row whose passage never names the question's most specific term ("Audio described,
  // with touch tour: Thursday 15 May" for "what date is the captioned performance", 0.81): so read for every value
  // (`npm run eval -- --only=qa`, 2026-12-07), three wrong confident answers fell, but so did right ones, and 14 of
  // the small corpora's answers lost their keyword, the documents naming the asked thing in other words.
  // The kind of answer is read last, and only of the few sentences that pass the rest: it is the costly test.
  const namedWithoutValue = (p: number, position: number, heldTerms: Set<string>) => {
    if (!valueAsked) return false;
    const missing = [...content.keys()].filter((term) => !holdsTerm(heldTerms, term) && !holdsTerm(titleTerms[p]!, term));
    if (!missing.length) return false;
    // One term missing, the later sentences must name the whole question as something there is: "A children's
    // afternoon tea is also available" after "Afternoon tea costs £18.50 per person" for "kids afternoon tea price"
    // (0.75). Not one saying more of it: "The charger will not start until the battery has cooled" after "Standard
    // charger CH-40: approx. 90 minutes from empty" for how long the battery takes to charge.
    const oneMissing = missing.length < 2;
    const unsaid = oneMissing ? [...content.keys()] : missing;
    const sentences = sentencesOf[p]!;
    const item = itemsOf[p]?.starts[position];
    const saysNoValue = (i: number) => !sentences[i]!.tableRow && !/\d/u.test(sentences[i]!.text) && (item === undefined || itemsOf[p]!.starts[i] !== item);
    return sentences.some((s, i) => {
      if (i <= position || pointsBack(s.text) || !saysNoValue(i)) return false;
      let last = i;
      while (!sentences[last]!.endsParagraph && last + 1 < sentences.length && saysNoValue(last + 1)) last += 1;
      const named = (term: string) => heldOf[p]!.slice(i, last + 1).some((found) => holdsTerm(found, term));
      const later = sentences.slice(i, last + 1).map((said) => said.text).join(" ");
      return unsaid.every(named) && (!oneMissing || SAYS_THERE_IS.test(later)) && !holdsAnswerType(later, type, questionWords);
    });
  };
  // A how-to question's action ("restore") is the kind of answer it asks for: where a passage names the action, its
  // sentences that do not describe another procedure ("Run a backup of a folder:" for "How do I restore a backup?").
  // Where no sentence of the passage names it, the passage may still say how, in other words.
  const [action] = terms(askedAction(question) ?? "");
  // What a section's heading must name to answer for its sentences: the question's subject, not only the action a
  // how-to asks for. "Cleaning" over a filter jug's manual does not say how to clean the table.
  const subjectCoverageOf = questionCoverage(new Map([...content].filter(([term]) => term !== action)));
  const namesAction = heldOf.map((sentences) => action !== undefined && sentences.some((found) => holdsTerm(found, action)));
  const retrievedCoverage = coverageOf(new Set(passageTerms.flatMap((set) => [...set])));
  const noSumKindAsked = type === "amount" ? namesNoSumKindAsked(question) : () => false;

  // A line of code answers how to do something ("npm install"), and is no answer to what a thing is.
  const procedure = asksHowTo(question);
  const candidates = passages.flatMap(({ n, chunk, score }, p) => {
    const section = chunk.headingPath.join("\n");
    // A plain-text document's headings are sections below its title line, which is no heading: compared, not counted.
    const lastHeading = chunk.headingPath.at(-1);
    const sectionHeading = lastHeading !== undefined && lastHeading !== chunk.title ? lastHeading : undefined;
    const aboveSection = chunk.headingPath.at(-2);
    const parentHeading = sectionHeading !== undefined && aboveSection !== undefined && aboveSection !== chunk.title ? aboveSection : undefined;
    const namedBySection = sectionHeading !== undefined && subjectCoverageOf(held(sectionHeading)) > 0;
    // A line of code is no answer but to a how-to, unless a sentence introduces it ("If your project still uses
    // `require()`, change the import path:"): it is then what that sentence says, quoted with it (extractive.ts withList).
    const introducedCode = (position: number) => {
      const before = sentencesOf[p]![position - 1];
      return before !== undefined && !before.code && introducesList(before);
    };
    return sentencesOf[p]!.flatMap((sentence, position) => {
      if (SIGNPOST.test(sentence.text)) return [];
      // Past this line, such a line of code is one a sentence introduces: the kind of answer only a how-to asks for.
      const codeOutsideHowTo = Boolean(sentence.code) && !procedure;
      if (codeOutsideHowTo && !introducedCode(position)) return [];
      const sentenceTermList = termsOf[p]![position]!;
      const sentenceTerms = new Set(sentenceTermList);
      const before = antecedents(sentence, (s) => sentencesOf[p]![sentencesOf[p]!.indexOf(s) - 1]).map((s) => s.text);
      // A list item's earlier sentences say what its later one is about, not its value: "The nearest car park is the
      // Harbourside NCP … Lantern ticket holders pay … £6 after 5pm. Please have your car park ticket validated …" gives
      // the last no price of the car park.
      const valuedWith = sentence.continuesItem ? [] : before;
      // What the sentence says, read with what it answers (an FAQ's question), the line leading its list, or what it
      // points back to.
      const lead = leadsOf[p]![position];
      const said = [sentence.answers, lead === undefined ? undefined : sentencesOf[p]![lead]!.text, ...before, sentence.text].filter((text) => text !== undefined).join(" ");
      const heldTerms = said === sentence.text ? heldOf[p]![position]! : held(said);
      const context = (sentence.tableRow && rowContextTerms[p]) || passageTerms[p]!;
      // A row of another record than the one asked for, whatever the question asks for: "Does the off-peak membership
      // include classes?" is not answered by the row naming no classes when the full membership's row names them.
      // Another table row, or another day of the week, month or platform than the one asked about: the sentence answers
      // for something else.
      const anotherRecord =
        (Boolean(sentence.tableRow) && anotherRow(p, position, heldTerms)) ||
        anotherItem(p, position) ||
        namesAnotherOf[p]![position]! ||
        namedWithoutValue(p, position, heldTerms);
      const novelty = sentenceTerms.size ? [...sentenceTerms].filter((t) => !questionTerms.has(t)).length / sentenceTerms.size : 0;
      const label = labelsOf[p]![position] ?? null;
      const deferred = valueWanted && defersElsewhere(sentence.text);
      const labelled = label !== null && coverageOf(held(label[1]!)) >= WHOLE && (type === "any" || holdsAnswerType(label[2]!, type, questionWords));
      return {
        n,
        source: chunk.source,
        section,
        ...sentence,
        code: Boolean(sentence.code),
        position,
        namedBySection,
        ...(sectionHeading !== undefined && { sectionHeading }),
        ...(parentHeading !== undefined && { parentHeading }),
        passageScore: score,
        coverage: coverageOf(heldTerms),
        contextCoverage: coverageOf(new Set([...heldTerms, ...context])),
        retrievedCoverage,
        typed: type !== "any" || action !== undefined || negated || why || anotherRecord || codeOutsideHowTo || deferred,
        typeMatch:
          holdsAnswerType([...valuedWith, valueAsked && !sentence.tableRow ? clausesAskedOf(sentence.text) : sentence.text].join(" "), type, questionWords) &&
          !anotherRole(sentence.text) &&
          !noSumKindAsked(said, sectionHeading) &&
          !anotherRecord &&
          !(namesAction[p] && !holdsTerm(heldTerms, action!)) &&
          !(negated && !saysWhatIsNot(`${sentence.text}\n${section}`)) &&
          !(why && novelty === 0) &&
          !codeOutsideHowTo &&
          !deferred,
        labelled,
        novelty,
        focus: focusTerm === undefined ? 0 : holdsTerm(heldTerms, focusTerm) ? 1 : holdsTerm(context, focusTerm) ? 0.5 : 0,
        phraseMatch: phraseMatch(questionPairs, sentenceTermList),
      };
    });
  });
  const similarities = options.similarity && candidates.length ? await options.similarity(question, candidates.map((c) => c.text)) : [];

  return rankEvidence(
    candidates.map((c, i) => ({ ...c, similarity: similarities[i] ?? 0, score: 0 })),
    options.ranking,
  );
}

/** The ranking's inputs for one sentence: the evidence above, with the answer type split into a match and a mismatch. */
export function sentenceFeatures(s: SentenceEvidence): Record<SentenceFeature, number> {
  return {
    coverage: s.coverage,
    contextCoverage: s.contextCoverage,
    similarity: s.similarity,
    typeMatched: s.typed && s.typeMatch ? 1 : 0,
    typeMismatch: s.typed && !s.typeMatch ? 1 : 0,
    novelty: s.novelty,
    focus: s.focus,
    phraseMatch: s.phraseMatch,
    labelled: s.labelled ? 1 : 0,
    passageScore: s.passageScore,
    // Reciprocal: the gap between the first and second passage matters more than between the fourth and fifth.
    passageRank: 1 / s.n,
    // A passage's first sentence often says what the rest is about, and a long sentence has room for more than the question.
    openingSentence: s.position === 0 ? 1 : 0,
    length: Math.min(1, s.text.length / 300),
  };
}

/**
 * The sentence an answer is built on: the best-ranked one that shares a term with the question, itself or through
 * its section's own heading ("Adults pay 12 euros" under "Tickets"). One sharing none is not quoted as its answer,
 * however the ranking placed it, and the decision weighs the sentence that is quoted. When none shares a term there
 * is none: the decision reads the evidence as empty, and the extractive answer shows the best-ranked sentence only as
 * the closest passage (pickSentences).
 */
export function bestSentence(evidence: SentenceEvidence[]): SentenceEvidence | undefined {
  const best = evidence.find((s) => s.coverage > 0 || s.namedBySection);
  if (!best?.typed || best.typeMatch) return best;
  // A sentence of the same document with the kind of answer asked for, covering the question as fully, answers where the
  // best-ranked one lacks it, whatever passage it is in: "Facility Manager: Dr. Marisol Quintero" (the fifth passage)
  // over "… by emailing the Facility Manager with a brief justification" (the first) for "Who is the facility manager?".
  // Not one of another document: "How long does express take?" had been answered from the refunds page ("show up
  // within 5–7 working days", "show" standing for "express"), over the delivery table's Express row. Nor one whose
  // section's heading names the question, its passage's words counted as covered ("Phone: 1-800-555-0176" under
  // "CUSTOMER SUPPORT"): any sentence of the kind asked for in such a section took over, "The park is closed from 16
  // November" for when it opens again (0.84), and near-misses were answered (`npm run eval -- --only=qa`, 2026-12-07).
  return evidence.find((s) => s.source === best.source && s.typeMatch && s.coverage > 0 && s.coverage >= best.coverage) ?? best;
}

/** The sentences scored by `ranking`, best first (ties: earlier in the document first). */
export function rankEvidence(evidence: SentenceEvidence[], ranking: RankingModel): SentenceEvidence[] {
  return evidence.map((s) => ({ ...s, score: predict(ranking, sentenceFeatures(s)) })).sort((a, b) => b.score - a.score || a.start - b.start);
}

// Terms this close (in either order) count as standing together: "moderated a panel", "AI at the Third UNESCO".
const PAIR_WINDOW = 3;

/** Neighbouring content-term pairs of the question, in order ("director general", "general unesco"). */
function termPairs(question: string): [string, string][] {
  const sequence = terms(question.replace(EXCLUSION, " "));
  return sequence.slice(1).flatMap((t, i) => (t === sequence[i] ? [] : [[sequence[i]!, t] as [string, string]]));
}

function phraseMatch(pairs: [string, string][], sentence: string[]): number {
  if (!pairs.length) return 0;
  const positions = new Map<string, number[]>();
  sentence.forEach((t, i) => positions.set(t, [...(positions.get(t) ?? []), i]));
  const close = ([a, b]: [string, string]) => (positions.get(a) ?? []).some((i) => (positions.get(b) ?? []).some((j) => Math.abs(i - j) <= PAIR_WINDOW));
  return pairs.filter(close).length / pairs.length;
}

// "What do I need to bring?", "which documents should I keep": a what-question asks for what its verb acts on.
const ASKED_OBJECT = /^\W*(?:what|which)\b/iu;
// In any of their forms ("got", "brought"): the terms the light verbs reduce to.
const LIGHT_VERB_TERMS = new Set(LIGHT_VERBS.flatMap((verb) => terms(verb)));
// Words that frame a question ("what kind of", "besides", "which type", "what topics") rather than say what it is about.
const FRAMING_WORDS = new Set(
  "besides apart except kind kinds type types sort sorts topic topics subject subjects theme themes name names named called exactly specific specifically particular mention mentioned describe described main hold holds".split(" "),
);
// "What does TOIL mean?", "What does MSC stand for?", "What is the meaning of habib?": a definition answers it, and
// need not say "mean" ("TOIL: Time off in lieu", "Time off in lieu (TOIL) is …").
const ASKED_MEANING = /^\W*(?:what (?:does|do|did) (.+?) (?:mean|stand for)|what is the (?:meaning|definition) of (.+?)|define (.+?))\W*$/iu;
// "How long does a refund take?", "How long does the filter last?": the verb asks for a duration ("within 5–7 working
// days", "Filter life: 2 months") and need not be said; "take" had been found in "return", its noun's synonym. What
// follows the verb is asked too ("How long does the bread take in the oven?").
const ASKED_DURATION = /^\W*how long (?:does|do|did|will|would|should|can|could) (.+?) (?:take|last)(?: (.+?))?\W*$/iu;
// Stems this long or longer match their extensions: "direct" ~ "director", "chair" ~ "chairperson".
const MIN_VARIANT_PREFIX = 5;

/**
 * The question's content terms, each with its IDF. Framing words, a leading exclusion clause ("besides X,") and the
 * words naming the kind of answer asked for ("which country", the "long" of "how long") are not content: an answering
 * sentence need not hold them, nor the "mean" of a question asking what a term means, nor the "take" of one asking
 * how long something takes, nor a light verb ("Can I bring my dog?") — unless the question asks what: what it acts on
 * is then often what is asked for, and "What do I need to bring to join?" is answered by "Bring a photo ID", not by
 * "Children under 16 need a parent … to sign their form".
 *
 * Light verbs left out (`npm run eval`, 2026-12-05): NQ-open's check answers holding a gold answer 77.0 → 77.2 %, its
 * confident answers 315 at 0.898 → 312 at 0.907, SQuAD's 130 at 0.615 → 0.623; one more right confident answer on the
 * paraphrase set and on the workplace set ("How many days of holiday do I get?"), none wrong; the seed set's "Which
 * museum does Ore Disu direct?" (0.785) fell just under the refitted threshold (0.786). Kept in what-questions: NQ-open
 * 314 at 0.904, SQuAD 131 at 0.634, the other sets as before.
 *
 * A term no document holds keeps its IDF, the highest there is, though "When was the forum held?" is then almost all
 * "held" and a sentence saying the forum "took place" covers 0.01 of it. Weighed instead as the question's other
 * terms are on average (`npm run eval`, 2026-12-05), three near-misses of the paraphrase set were answered
 * confidently and wrongly ("When was the first UNESCO High-Level Forum for Museums held?", "Which city hosted the
 * Innovation and Integrity conference?"): the word the documents lack is as often what they do not say as a
 * paraphrase of what they do. Nor is a term every passage holds ("NEMO" and "AI" over the one-document corpus, an IDF
 * near 0) weighed at least 1 or 2 (`npm run eval -- --only=qa`, 2026-12-06): "What concerns does NEMO raise about AI?"
 * rose from 0.32 to 0.41, no seed question reached the threshold, and no other set moved by more than two answers.
 */
function contentTerms(question: string, type: AnswerType, idf: Idf): Map<string, number> {
  const weights = new Map<string, number>();
  const asked = askedPart(question);
  const lightVerbsCount = ASKED_OBJECT.test(question);
  const askedText = withoutDegreeWord(asked.replace(EXCLUSION, " "));
  const asking = words(askedText).filter((word) => !FRAMING_WORDS.has(word));
  // A word naming the kind of answer is no content ("the fee for a late book" is answered by "£1 a day"), unless it is
  // all the question names: "How much is the rent?" asks for the sum the rent is, and "A deposit of £1,325" is not it.
  const termsOf = (list: string[]) => list.flatMap((word) => terms(word)).filter((t) => lightVerbsCount || !LIGHT_VERB_TERMS.has(t));
  const content = termsOf(asking.filter((word) => !namesAnswerType(word, type)));
  for (const t of content.length ? content : termsOf(asking)) weights.set(t, idf(t));
  // No document term is a stop word, so such an initialism weighs as a term no document holds: as much as any.
  for (const initialism of capitalisedStopWords(askedText)) weights.set(initialism, idf(initialism.toLowerCase()));
  // A hyphenated word is asked whole ("e-bike", found in "electric bike" through short-forms.ts), not by its letter.
  for (const { joined, letters } of joinedCompounds(askedText)) {
    weights.set(joined, idf(joined));
    for (const letter of letters) weights.delete(letter);
  }
  return weights;
}

/** What a question asking what a term means, or how long something takes, asks about: the term, or the thing. */
function askedPart(question: string): string {
  const meaning = ASKED_MEANING.exec(question);
  if (meaning) return meaning[1] ?? meaning[2] ?? meaning[3]!;
  const duration = ASKED_DURATION.exec(question);
  return duration ? [duration[1], duration[2]].filter(Boolean).join(" ") : question;
}

/**
 * The IDF-weighted share of the question's content terms that a set of terms holds. A question term also counts as
 * found through a variant sharing a long prefix, which Porter stemming leaves apart.
 */
function questionCoverage(weights: Map<string, number>): (found: Set<string>) => number {
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  return (found) => {
    let sum = 0;
    for (const [t, w] of weights) if (holdsTerm(found, t)) sum += w;
    return sum / total;
  };
}

/** The term, or a variant of it sharing a long prefix ("direct" in "director"), is among `found`. */
function holdsTerm(found: Set<string>, term: string): boolean {
  if (found.has(term)) return true;
  if (term.length < MIN_VARIANT_PREFIX) return false;
  for (const f of found) {
    const [short, long] = term.length <= f.length ? [term, f] : [f, term];
    if (short.length >= MIN_VARIANT_PREFIX && long.startsWith(short)) return true;
  }
  return false;
}

/** A chunk's title and heading path, the title once: a Markdown document's path starts with it. */
function headingsWithTitle(chunk: Passage["chunk"]): string {
  return (chunk.headingPath[0] === chunk.title ? chunk.headingPath : [chunk.title, ...chunk.headingPath]).join(" ");
}
