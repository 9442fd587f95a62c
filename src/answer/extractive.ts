/**
 * @module extractive
 * The offline answerer: the sentences of the retrieved passages that best
 * answer the question, quoted as written, each followed by its [n] citation.
 * When the evidence is not clear enough to answer (`uncertain`), the same
 * sentences are offered as the closest passage, said to be no more than that.
 * A question the assessment found answered by openings (a section by name:
 * "What do the documents say about X?"; the documents: "What is this document
 * about?") is answered by quoting them (overview.ts).
 */
import { terms, words } from "../retrieval/tokenize.js";
import { askedAction, asksForKind, asksHowTo, asksWhatToDo, expectedAnswerType, isContact, isValue } from "./answer-type.js";
import { endsWithStop } from "../ingest/closing-punctuation.js";
import { antecedents, bestSentence, introducesList, type SentenceEvidence } from "./evidence.js";
import { openingOf } from "./overview.js";
import { ABSTENTION_MESSAGE, type AnswerDraft, type AnswerInput, type Answerer, type Passage } from "./types.js";
import { withCitation } from "./verify-citations.js";

// Three, not two: on NQ-open fit questions a third close sentence often holds what the question asked.
const MAX_SENTENCES = 3;
const MAX_LIST_ITEMS = 4;
// A procedure is quoted whole up to this many steps: a step left out leaves the reader stuck.
const MAX_STEPS = 8;
// A procedure told in sentences under a heading naming it is quoted from its start, this many sentences at most.
const MAX_SECTION_SENTENCES = 3;
// "You can:", "To do this:", "Options include:": an introduction of this many words at most names no list of its own.
const MAX_BARE_INTRODUCTION_WORDS = 3;
// Longer than a line of an address: a heading or a sentence that lost its full stop.
const MAX_BARE_LINE = 60;
// A runner-up joins the answer when the ranking thinks it at least 0.3 times as likely as the best one to hold the
// answer: on the NQ-open and SQuAD fit questions that keeps answers as long as before the ranking was fitted
// (2.3 sentences, ~320 characters), and most of the gain goes to picking the right ones.
const RUNNER_UP_RATIO = 0.3;
// An uncertain answer shows the closest passages, and shows more of them: runners-up half as close. Set at half the
// ratio above before it was measured (`npm run eval`, 2026-12-05; no other value was tried but 0): the answers holding
// a gold answer went from 77.4 to 78.3 % on NQ-open's check questions, 90.6 to 93.8 % on the paraphrase set and 92.1
// to 92.9 % on SQuAD's, uncertain answers growing by about a tenth (459 to 516 characters on NQ-open). At 0 (up to
// three sentences sharing a term with the question) only the workplace set gained more (84.4 to 86.7 %), for answers
// half as long again as at 0.3.
const UNCERTAIN_RUNNER_UP_RATIO = 0.15;

export class ExtractiveAnswerer implements Answerer {
  readonly model = "extractive";

  async answer({ question, evidence, assessment }: AnswerInput): Promise<AnswerDraft> {
    if (assessment.openings) return openingsDraft(assessment.openings, evidence, this.model);
    return extractiveDraft(question, evidence, assessment.outcome === "uncertain", this.model);
  }
}

/**
 * What a section or the documents are about, from their openings: one passage's opening sentences, or for several
 * (one per document) one line each, the document's title and first sentence — the title says which it is about.
 */
function openingsDraft(openings: Passage[], evidence: SentenceEvidence[], model: string): AnswerDraft {
  if (openings.length === 1) return quotedDraft(openingOf(openings[0]!, evidence), false, model);
  const lines = openings.flatMap((passage) => openingOf(passage, evidence, 1).map((first) => `- ${passage.chunk.title}: ${withCitation(first.text, passage.n)}`));
  return lines.length ? { answer: lines.join("\n"), cited: openings.map((p) => p.n), abstained: false, model } : { answer: ABSTENTION_MESSAGE, cited: [], abstained: true, model };
}

/** The best sentences as an answer, or, when `uncertain`, as the closest passage (ask.ts introduces it as such). */
export function extractiveDraft(question: string, evidence: SentenceEvidence[], uncertain: boolean, model: string): AnswerDraft {
  const best = bestSentence(evidence);
  const type = expectedAnswerType(question);
  const picked = pickSentences(question, evidence, uncertain ? UNCERTAIN_RUNNER_UP_RATIO : RUNNER_UP_RATIO, type);
  // The closest passages include the sentence ranked first when it has the kind of answer asked for (a time, a sum …;
  // not a how-to's action, which any sentence of a passage not naming it "has"), though it shares no word with the
  // question and so cannot be the answer: "Our core hours are 10:00 to 16:00" for "What time do I have to be in the
  // office?", where "Office chairs can be claimed up to £150" shares "office".
  const [top] = evidence;
  const closestInWords = uncertain && type !== "any" && best && top && top !== best && top.typeMatch && !picked.includes(top) ? [top, ...picked] : picked;
  const nearest = uncertain && type === "any" ? nearestInMeaning(evidence) : undefined;
  const closest =
    nearest && !(best && otherRecord(nearest, best)) && closestInWords.every((s) => nearest.similarity > s.similarity) ? quotedOnce([...closestInWords, nearest]) : closestInWords;
  // A sentence sharing no term with the question (pickSentences' last resort) is the closest passage at most, whatever the assessment says.
  return quotedDraft(closest, uncertain || !best, model);
}

/**
 * The sentence closest to the question in meaning (by the embedder), which an uncertain answer to a question asking
 * for no kind of value also quotes, when it is closer than every sentence quoted for the words it shares and is no
 * other record of a table. A paraphrase shares few words with its answer ("Can I claim for beer?" of "Alcohol is
 * never reimbursed", "Can I install games on my laptop?" of "Only software from the company portal may be
 * installed"), and the ranking, led by shared words, puts such a sentence low. Measured
 * (`npm run eval -- --only=qa`, 2026-12-06; the decision unchanged, no answer lost a gold answer): answers holding a
 * gold answer 78.5 → 80.8 % on the small corpora's check questions (their never-read groups j–o 180 → 190 of 240,
 * their paraphrases 39 → 47 of 84; d–i, which the rule was looked at on, 197 → 198), 79.9 → 80.4 % on NQ-open's,
 * 86.7 → 93.3 % on the workplace set's, 93.7 → 94.5 % on SQuAD's. The cost: 332 of the 1,823 uncertain answers quote
 * one more sentence (3–9 % longer on average), and 23 of those sentences brought a gold answer.
 *
 * Not for a question asking for a kind of value (how long, when, how much): the sentence nearest in meaning is then
 * as often another value of that kind ("You have 30 days … to start a return" for "How long does express take?").
 * For every question, 812 answers grew and 33 gained (more on NQ-open, 13 against 6, and on j–o, 13 against 10),
 * answers 4–14 % longer. Nothing else read off the sentence (its similarity, coverage, rank or passage) told the
 * gains apart: asking it to be closer than the quoted sentences by 0.05 or 0.1 kept 19 and 7 of the 33, for 404 and
 * 180 additions. For a typed question, the closest in meaning among the sentences holding the kind of answer asked for
 * and a word of the question: 212 more answers grew, for 7 gains.
 */
function nearestInMeaning(evidence: SentenceEvidence[]): SentenceEvidence | undefined {
  return evidence.reduce<SentenceEvidence | undefined>((nearest, s) => (!nearest || s.similarity > nearest.similarity ? s : nearest), undefined);
}

function quotedDraft(chosen: SentenceEvidence[], uncertain: boolean, model: string): AnswerDraft {
  return {
    // Nothing to quote (no evidence left, e.g. once "tell me more" has had every sentence): not found.
    answer: chosen.length ? formatAnswer(chosen) : ABSTENTION_MESSAGE,
    cited: [...new Set(chosen.map((s) => s.n))],
    abstained: chosen.length === 0,
    ...(uncertain && chosen.length > 0 && { uncertain: true }),
    model,
  };
}

/**
 * The best sentence; when it ends with a colon, the list it introduces (the list items after it in the same document,
 * whichever passages hold them, else the sentences that follow it), also when a bare "You can:" after it leads the
 * list; when the question asks about the best sentence's section as a whole, its list, or its opening
 * (asksForSection); when it asks where and the best sentence is a line of an address, the address's lines; when the
 * question asks how to do something and the
 * best sentence or a close runner-up is a step of a list (or a line of code), the best sentence and that whole list;
 * when it asks how and the best sentence opens a section whose heading names the task, that section's opening
 * (taskSection); otherwise the best sentence first (and, when the question asks what to do, the sentence after it in
 * its paragraph), then close runners-up (at least `runnerUpRatio` times as likely) in document order, each chosen
 * sentence preceded by the one it points back to (antecedent). `type`: the question's expected answer type, read once
 * by the caller. Best first, since the first
 * sentence is the one read: in document order instead, the first quoted sentence held the gold answer of 69.7 % of
 * NQ-open's check answers that held one, 67.1 % of SQuAD's and 8 of the seed set's 15; best first, 71.2 %, 81.8 % and
 * 12 of 15 (`npm run eval`, 2026-12-04).
 */
export function pickSentences(question: string, evidence: SentenceEvidence[], runnerUpRatio = RUNNER_UP_RATIO, type = expectedAnswerType(question)): SentenceEvidence[] {
  const best = bestSentence(evidence);
  // No sentence shares a term with the question, yet retrieval passed the gate: "Can I take pictures?" found under the
  // heading "Can I take photographs?", "How do I get there?" under "Getting here". The best-ranked sentence is shown
  // as the closest passage (such evidence is never confident: the decision reads it as none), rather than nothing.
  if (!best) return evidence.slice(0, 1);
  if (introducesList(best)) return withList(best, evidence);
  // "If something makes you feel unsafe, please reach out. You can:" — an introduction too short to say what its list
  // is goes on from the sentence before it, and the list ("contact our Safety Lead, Jordan Mercer …") is how.
  const next = evidence.find((s) => follows(best, s));
  if (next && introducesList(next) && words(next.text).length <= MAX_BARE_INTRODUCTION_WORDS) return [best, ...withList(next, evidence)];
  if (!best.code && !asksForKind(question, type) && asksForSection(question, best)) {
    const whole = best.listItem ? upToItems(listAround(best, evidence), MAX_LIST_ITEMS) : linesOrOpening(best, evidence);
    if (whole && whole.length > 1) return whole;
  }
  // Where something is may be written as lines, an address: "Harlow & Finch Consulting", "4th Floor, Kestrel House",
  // "27 Navigation Street" … Its first line alone had answered "new office address".
  if ((type === "place" || type === "address") && isBareLine(best)) {
    const block = runAround(best, evidence, isBareLine).slice(0, MAX_STEPS);
    if (block.length > 1) return block;
  }
  // The best sentence leads, and those ranked close to it follow (ranked above it, when it is the one with the kind of
  // answer asked for: bestSentence). A runner-up shares a term with the question: with sentences sharing none let into
  // an uncertain answer's runners-up (`npm run eval -- --only=qa`, 2026-12-06), they took the place of others, and
  // answers gained a gold answer 33 times and lost one 22 times (NQ-open +22 −8, the small corpora +10 −13).
  const close = quotedOnce(evidence.filter((s) => s.score >= best.score * runnerUpRatio && s.coverage > 0 && !otherRecord(s, best))).slice(0, MAX_SENTENCES);
  const procedure = asksHowTo(question);
  const namedSteps = procedure ? stepsUnderTaskHeading(question, best, evidence) : undefined;
  if (namedSteps) return namedSteps;
  const step = procedure ? close.find((s) => s.listItem) : undefined;
  if (step) {
    const steps = listAround(step, evidence);
    if (steps.length > 1) return quotedOnce(step === best ? steps : [best, ...steps]);
  }
  const section = procedure ? taskSection(question, best, evidence) : undefined;
  if (section) return section;
  // What to do, or what happens, is said after the situation: "Low engine oil pressure. Stop the engine immediately."
  // So is a value of the kind asked for, when the best sentence lacks it and the next one of its paragraph has it: "your
  // Home Ownership Team is here to help. Call us on 0300 555 4182 (Monday to Friday, 9am to 5pm)" for "home ownership
  // team opening hours", the hours in the sentence that names no team; a phone number, an email or a web address too:
  // "FreshPress Customer Care" above "Phone: 1-800-555-0147". Not a name: "The council's fines office is in Leeds"
  // names a town, and no one who issues the fine.
  // A telephone number, an e-mail or a web address is often a list's item under the sentence naming whose it is:
  // "Lumora Support is here every day, 7 a.m. to 10 p.m. ET." above "- Phone: 1-888-555-0147", "- Email: …", or a
  // line of the block a label heads (contactBelow).
  const lacksKind = best.typed && !best.typeMatch;
  const completes = (isValue(type) || isContact(type)) && lacksKind && next?.typeMatch === true;
  const contactItem = isContact(type) && lacksKind ? contactBelow(best, next, evidence) : undefined;
  const goesOn = contactItem ? [contactItem] : (asksWhatToDo(question) || completes) && !best.endsParagraph && next && !next.listItem ? [next] : [];
  const ordered = [best, ...goesOn, ...close.filter((s) => s !== best).sort((a, b) => (a.n === b.n ? a.start - b.start : 0))];
  // A runner-up ending with a colon is quoted with what it introduces: "IF YOU SMELL GAS:" alone says nothing.
  return quotedOnce(ordered.flatMap((s) => (s !== best && introducesList(s) ? withList(s, evidence) : [...antecedent(s, evidence), s])));
}

/**
 * The way to get in touch asked for, under a best sentence without it: an item of the list that follows it, or a line
 * of the block of short lines and items a label heads, in its section ("Licensing Team", "Fenmere Waterways Trust",
 * "Ashby Lock House, Wharf Road", … "- Phone: 0303 555 0419" for "licensing team phone number", where only the label
 * had been quoted).
 */
function contactBelow(best: SentenceEvidence, next: SentenceEvidence | undefined, evidence: SentenceEvidence[]): SentenceEvidence | undefined {
  if (next?.listItem) return listAround(next, evidence).find((s) => s.listItem && s.typeMatch);
  if (!isBareLine(best)) return undefined;
  const block = runAround(best, evidence, (s) => s.section === best.section && (s.listItem || isBareLine(s)));
  return block.find((s) => s.position > best.position && s.position <= best.position + MAX_STEPS && s.typeMatch);
}

/**
 * For a how-to question: the steps of a list under a heading that names the task ("## Factory reset" for "How do I
 * factory reset the extender?"), when the best sentence stands under another heading and only mentions the task:
 * "Forgot admin password: do a factory reset" under "Troubleshooting" had been quoted with its list (0.78), not the
 * steps ("Press and hold the Reset button with a paperclip for 8 seconds"). The heading names the task when it holds
 * the action asked for and no word the question does not use.
 */
function stepsUnderTaskHeading(question: string, best: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] | undefined {
  const action = askedAction(question);
  const [actionTerm] = action ? terms(action) : [];
  if (actionTerm === undefined) return undefined;
  const asked = new Set(terms(question));
  const namesTask = (section: string) => {
    const heading = terms(section.split("\n").at(-1) ?? "");
    return heading.includes(actionTerm) && heading.every((term) => asked.has(term));
  };
  if (namesTask(best.section)) return undefined;
  const [step] = evidence.filter((s) => s.listItem && !s.code && namesTask(s.section)).sort((a, b) => b.score - a.score);
  const steps = step && listAround(step, evidence);
  return steps && steps.length > 1 ? steps : undefined;
}

/**
 * A sentence ending with a colon and the list it introduces: the list items after it in the same document, whichever
 * passages hold them, else the sentences that follow it.
 */
function withList(introduction: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] {
  // What follows it in its section: the next section's list is not the one it introduces.
  const inSection = quotedOnce(
    evidence.filter((s) => s.source === introduction.source && s.section === introduction.section && s.start > introduction.start),
  ).sort((a, b) => a.start - b.start);
  // Nor the list another introduction leads: "If you don't use pipx, a user-level pip install also works:" and its
  // command are another way than the one "The recommended way to install snapshelf is with pipx:" introduces.
  const next = inSection.findIndex((s) => !s.listItem && introducesList(s));
  const following = next < 0 ? inSection : inSection.slice(0, next);
  // Not only the items right after it: an item may be explained by a paragraph of its own before the next one.
  const items = following.filter((s) => s.listItem);
  return items.length ? [introduction, ...upToItems(items, MAX_LIST_ITEMS)] : [introduction, ...following].slice(0, 1 + MAX_LIST_ITEMS);
}

/**
 * A table's row without the kind of answer asked for, beside a best sentence with it: another record than the one
 * asked about ("Plan: Free; … Storage: 2 GB" after the Business row for "How much storage does Business have?").
 */
const otherRecord = (sentence: SentenceEvidence, best: SentenceEvidence) => Boolean(sentence.tableRow) && sentence.typed && !sentence.typeMatch && best.typeMatch;


/**
 * The list `item` is in, as its passage holds it, in order: the items around it, led by the sentence introducing them
 * when it ends with a colon. One step alone answers "How do I install the printer?" no better than "Search for the
 * driver and click Install [1]".
 */
function listAround(item: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] {
  const list = runAround(item, evidence, (s) => s.listItem);
  const introduction = evidence.find((s) => s.n === item.n && s.position === list[0]!.position - 1);
  return upToItems(introduction && introducesList(introduction) ? [introduction, ...list] : list, MAX_STEPS);
}

/** The run of sentences `inRun` holds for that `sentence` is in, as its passage holds them, in order. */
function runAround(sentence: SentenceEvidence, evidence: SentenceEvidence[], inRun: (s: SentenceEvidence) => boolean): SentenceEvidence[] {
  const byPosition = new Map(evidence.filter((s) => s.n === sentence.n).map((s) => [s.position, s]));
  const holds = (position: number) => {
    const s = byPosition.get(position);
    return s !== undefined && inRun(s);
  };
  let first = sentence.position;
  while (first > 0 && holds(first - 1)) first--;
  const run: SentenceEvidence[] = [];
  for (let position = first; holds(position); position++) run.push(byPosition.get(position)!);
  return run;
}

/**
 * For a question asking how to do something: the opening sentences of the best sentence's section, in order, when
 * its heading names what the question asks how to do ("How do I clean the table?" under "Cleaning": "Wipe with a soft,
 * damp cloth and dry straight away. Do not use furniture polish sprays …"). A section that is not a list still
 * describes the procedure as a whole; its best sentence alone ("Do not use …") is a step out of it. Undefined when the
 * heading shares no term with the question, or the best sentence is past the opening. The heading may name the task
 * by its action alone; evidence's `namedBySection` asks the opposite, a heading naming the question's subject.
 */
function taskSection(question: string, best: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] | undefined {
  const heading = best.section.split("\n").at(-1) ?? "";
  const asked = new Set(terms(question));
  if (!terms(heading).some((t) => asked.has(t))) return undefined;
  return openingWith(best, evidence, MAX_SECTION_SENTENCES);
}

/** The first `max` sentences of the best sentence's passage, in order, when they include it; else undefined. */
function openingWith(best: SentenceEvidence, evidence: SentenceEvidence[], max: number): SentenceEvidence[] | undefined {
  const opening = quotedOnce(evidence.filter((s) => s.n === best.n)).sort((a, b) => a.position - b.position).slice(0, max);
  return opening.includes(best) && opening.length > 1 ? opening : undefined;
}

/**
 * A section asked about as a whole, when it is no list: its lines, as many as a list's steps, when none ends as a
 * sentence ends ("Ingredients": "225g unsalted butter, softened", "4 eggs" …); else its opening sentences.
 */
function linesOrOpening(best: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] | undefined {
  const lines = openingWith(best, evidence, MAX_STEPS);
  return lines?.every((s) => !endsWithStop(s.text)) ? lines : openingWith(best, evidence, MAX_SECTION_SENTENCES);
}

/**
 * Whether the question asks about a section as a whole ("What's new in Tallyho 3.0?", "What are the known issues?")
 * rather than about one item of it ("Is drug use covered?" under "What is not covered"): every term of the question is
 * in the sentence's headings. Its list, or its opening, is then the answer, not the sentence that ranked best — unless
 * the question asks for a kind of answer (when, where, who …): "where are the Organ Mountains" asks one fact of them.
 */
function asksForSection(question: string, sentence: SentenceEvidence): boolean {
  const asked = terms(question);
  const headings = new Set(terms(sentence.section));
  return asked.length > 0 && asked.every((t) => headings.has(t));
}

/** The first `max` items of a list, each with the sentences that go on from it: an item is not cut from its second sentence. */
function upToItems(list: SentenceEvidence[], max: number): SentenceEvidence[] {
  let items = 0;
  const end = list.findIndex((s) => s.listItem && !s.continuesItem && ++items > max);
  return end < 0 ? list : list.slice(0, end);
}

/** A line that does not end as a sentence ends, and is neither a list's item nor a table's row: a line of an address. */
const isBareLine = (s: SentenceEvidence) => !s.listItem && !s.tableRow && s.text.length <= MAX_BARE_LINE && !endsWithStop(s.text);

/** Whether `next` is the sentence right after `sentence` in its passage. */
const follows = (sentence: SentenceEvidence, next: SentenceEvidence) => sentence.n === next.n && next.position === sentence.position + 1;

/**
 * What `sentence` needs before it to be read right: the sentence before it in its passage when it opens by pointing
 * back to it (and the one before that when it points back too: evidence's `antecedents`); for a list item's later
 * sentence, the item's earlier ones ("Juniors under 14 must be supervised" goes on from "Junior (11 to 17 years): gym
 * and pool, £18 a month"); else nothing. With the first, NQ-open's check answers
 * hold a gold answer 74.7 % of the time, 73.2 % without (`npm run eval`); SQuAD and the corpus/ sets are unchanged.
 * About 7 % of NQ-open answers gain a sentence.
 */
function antecedent(sentence: SentenceEvidence, evidence: SentenceEvidence[]): SentenceEvidence[] {
  return antecedents(sentence, (s) => evidence.find((e) => follows(e, s)));
}

/**
 * Sentences run on as prose; a list keeps one item per line, so that each item is a sentence of its own with its own
 * citation: the items a sentence ending with a colon introduces, the items its section's heading leads where no such
 * sentence is quoted (listLabel), and items of a list (steps, a block's commands) quoted together; an item's later
 * sentence goes on its line only right after it. A quoted line that does not end as a sentence ends ("Opening hours
 * 9-17", a table row, a menu) has a line of its own too: run on, it would read as the start of the next sentence, and
 * the citation check, taking the two for one, would keep it without its own citation.
 */
function formatAnswer(chosen: SentenceEvidence[]): string {
  const listed = chosen[0] !== undefined && introducesList(chosen[0]);
  const label = listed ? undefined : listLabel(chosen[0]);
  const items = chosen.filter((s) => s.listItem).length;
  const isItem = (i: number) => (listed ? i > 0 : chosen[i]!.listItem && (items > 1 || label !== undefined));
  return (label ?? "") + chosen
    .map((s, i) => {
      const cited = withCitation(s.text, s.n);
      if (isItem(i) && s.continuesItem && i > 0 && isItem(i - 1) && follows(chosen[i - 1]!, s)) return ` ${cited}`;
      if (isItem(i)) return `${i > 0 || label ? "\n" : ""}- ${cited}`;
      if (i === 0) return cited;
      const ownLine = isItem(i - 1) || !endsWithStop(chosen[i - 1]!.text);
      return `${ownLine ? "\n" : " "}${cited}`;
    })
    .join("");
}

/**
 * A list item quoted without the sentence introducing its list reads as a claim of its own: "Pre-existing medical
 * conditions, unless you declared them …" under "What is not covered" answers "Are pre-existing conditions covered?"
 * the other way round. Its section's heading says what the list is, and leads it as its introduction would.
 */
function listLabel(first: SentenceEvidence | undefined): string | undefined {
  if (!first?.listItem || first.code || first.sectionHeading === undefined) return undefined;
  const heading = first.sectionHeading.replace(/[\s:.?!]+$/u, "");
  // A heading of a word or two ("Fixed", "Known issues") says what the list is only under its own: "4.1.3 — 22 April
  // 2024 › Fixed", not one version's fixes for another's.
  const label = first.parentHeading !== undefined && heading.split(/\s+/).length <= SHORT_HEADING_WORDS ? `${first.parentHeading} › ${heading}` : heading;
  return withCitation(`${label}:`, first.n);
}

const SHORT_HEADING_WORDS = 2;

/**
 * Overlapping chunks repeat sentences, and documents repeat each other (a policy copied into two pages, a footer on
 * every page): a sentence is quoted once, from the first document quoting it. Within one document the same words at
 * another place are another sentence ("Press OK." as a procedure's second and fifth steps).
 */
function quotedOnce(sentences: SentenceEvidence[]): SentenceEvidence[] {
  const positions = new Set<string>();
  const sourceOf = new Map<string, string>();
  return sentences.filter((s) => {
    const position = `${s.source}:${s.start}:${s.text}`;
    const said = s.text.replace(/\s+/g, " ").trim().toLowerCase();
    if (positions.has(position) || (sourceOf.get(said) ?? s.source) !== s.source) return false;
    positions.add(position);
    sourceOf.set(said, sourceOf.get(said) ?? s.source);
    return true;
  });
}
