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
import { type Span, sentenceSpans } from "../ingest/sentences.js";
import type { RankingModel, SentenceFeature } from "../core/answer-calibration.js";
import type { Chunk } from "../core/types.js";
import { terms, words } from "../retrieval/tokenize.js";
import { acronymTerms } from "./acronyms.js";
import { expectedAnswerType, holdsAnswerType, namesAnotherRole, namesAnswerType, withoutDegreeWord } from "./answer-type.js";
import { predict } from "./logistic-model.js";
import { synonymTerms, type Thesaurus } from "./synonyms.js";
import type { Passage } from "./types.js";

export interface SentenceEvidence {
  /** Passage number ([n]) the sentence comes from. */
  n: number;
  /** The document it is in; `start`/`end` are offsets in it. */
  source: string;
  /** True for an item of a numbered or bulleted list (its marker is not part of `text`). */
  listItem: boolean;
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
  /** True when the question asks for a kind of answer (a number, date, amount, role, person, country or place). */
  typed: boolean;
  /** False when the question asks for a kind of answer and the sentence has none, or names the role asked about only as another ("Deputy Director", or held at another organisation: namesAnotherRole). */
  typeMatch: boolean;
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
  /** The retrieval score of the sentence's passage (fused, 0..1). */
  passageScore: number;
  /** How likely the sentence is to hold the answer (the fitted ranking), 0..1; answer sentences are picked by it. */
  score: number;
}

export type Idf = (term: string) => number;

/** Cosine similarities of the question to each text (an embedder behind it). */
export type SentenceSimilarity = (question: string, texts: string[]) => Promise<number[]>;

export type { RankingModel };

const BULLET = /^(?:[•\-*–·▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;

export interface Sentence {
  start: number;
  end: number;
  text: string;
  listItem: boolean;
  /** The question the document asks just before this sentence, which it answers (an FAQ's answer); unset otherwise. */
  answers?: string;
}

/**
 * The sentences of a chunk as evidence sees them (list bullets stripped), with document offsets. Headings are left
 * out: a title says what a passage is about, not what it says, and quoted as an answer it answers nothing ("# Amnesia:
 * The Dark Descent [1]" for "when did amnesia the dark descent come out" — 19 % of NQ-open answers quoted one). Its
 * words still count for the passage (contextCoverage reads the heading path).
 */
export function chunkSentences(chunk: Chunk): Sentence[] {
  const out: Sentence[] = [];
  let asked: string | undefined;
  for (const span of sentenceSpans(chunk.text)) {
    let start = span.start;
    const bullet = BULLET.exec(chunk.text.slice(start, span.end));
    if (bullet) start += bullet[0].length;
    const line = lineAround(chunk.text, span.start, span.end);
    const text = tableRow(chunk.text, span, line) ?? readable(chunk.text.slice(start, span.end));
    // A question the document asks (an FAQ's "Q: How long can I keep a book?", a heading that asks) is no answer:
    // quoted, it answered "How many books can I take out?" with "Q: How many books can I borrow?". The sentence after
    // it answers it, and holds its words for the question asked here.
    const asks = text.trimEnd().endsWith("?");
    if (isHeading(line, chunk) || asks) {
      asked = asks ? text : undefined;
      continue;
    }
    if (!terms(text).length) continue;
    out.push({ start: chunk.start + start, end: chunk.start + span.end, text, listItem: bullet !== null, ...(asked !== undefined && { answers: asked }) });
    asked = undefined;
  }
  return out;
}

/** A table's row as cells: "| London | 140 pounds |" (Markdown) or "London | 140 pounds" (an HTML table's row). */
function cellsOf(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.includes("|")) return undefined;
  const cells = trimmed.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
  return cells.length >= 2 ? cells : undefined;
}

const DELIMITER_CELL = /^:?-{3,}:?$/;

/**
 * A sentence that is a whole row of a table, with each cell named by its column: "City: London; Limit per night: 140
 * pounds". Alone, "| London | 140 pounds |" says neither what 140 pounds is nor answers "What is the hotel limit in
 * London?" in its words. The header is the first row of the table, when the passage holds it; without it (and for
 * the header itself) the cells are quoted as they are, between bars only. A Markdown delimiter row ("| --- |") is no
 * row: undefined, and it has no words to quote.
 */
function tableRow(text: string, span: Span, line: string): string | undefined {
  const cells = text.slice(span.start, span.end).trim() === line.trim() ? cellsOf(line) : undefined;
  if (!cells || cells.every((cell) => DELIMITER_CELL.test(cell))) return undefined;
  // Back over the rows before this one (blank lines between them too: an HTML table's rows are blocks) to the first.
  let header: string[] | undefined;
  let lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const previous = text.slice(previousStart, lineStart - 1);
    if (previous.trim()) {
      const previousCells = cellsOf(previous);
      if (!previousCells) break;
      if (!previousCells.every((cell) => DELIMITER_CELL.test(cell))) header = previousCells;
    }
    lineStart = previousStart;
  }
  if (!header || header.length !== cells.length) return readable(cells.join(" | "));
  return readable(cells.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join("; "));
}

// Bold and underline marks of Markdown ("**Q: Can I print?**"), and an FAQ's label of its answer ("A: Yes.").
const EMPHASIS = /\*\*|__/g;
const ANSWER_LABEL = /^(?:A|Answer)\s*:\s*/i;

/**
 * A sentence as it is quoted: on one line (a sentence of hard-wrapped text runs over lines, sentences.ts), without
 * Markdown's bold marks and an FAQ's answer label.
 */
function readable(raw: string): string {
  const text = raw.split("\n").map((line) => line.trim()).join(" ").replace(EMPHASIS, "").trim();
  return text.replace(ANSWER_LABEL, "");
}

// A Markdown ATX heading line; an HTML heading reaches the text as a line of its own, equal to its title.
const ATX_HEADING = /^#{1,6}[ \t]/;

/**
 * The whole line a sentence stands on: a numbered heading ("4. Mileage") is two sentences to the splitter, and
 * neither is the heading by itself.
 */
function lineAround(text: string, start: number, end: number): string {
  const lineEnd = text.indexOf("\n", end);
  return text.slice(text.lastIndexOf("\n", start - 1) + 1, lineEnd < 0 ? text.length : lineEnd);
}

/** A heading line, or the line a plain-text document's title was read from (when it does not end like a sentence). */
function isHeading(text: string, chunk: Chunk): boolean {
  const line = text.trim();
  return ATX_HEADING.test(line) || chunk.headingPath.includes(line) || (line === chunk.title && !/[.!?]$/.test(line));
}

export interface EvidenceOptions {
  idf: Idf;
  similarity?: SentenceSimilarity;
  ranking: RankingModel;
  /** Synonyms that count as the question's words; without it only the words themselves (and acronyms) count. */
  thesaurus?: Thesaurus;
}

/** Every sentence of the passages, scored as evidence for the question, best first. */
export async function weighEvidence(question: string, passages: Passage[], options: EvidenceOptions): Promise<SentenceEvidence[]> {
  const content = contentTerms(question, options.idf);
  const coverageOf = questionCoverage(content);
  const type = expectedAnswerType(question);
  const questionWords = new Set(words(question));
  const questionTerms = new Set(terms(question));
  const questionPairs = termPairs(question);
  const focusTerm = [...content].reduce<[string, number] | undefined>((best, term) => (best === undefined || term[1] > best[1] ? term : best), undefined)?.[0];
  const viaAcronyms = acronymTerms(question);
  const viaSynonyms = synonymTerms(question, options.thesaurus);
  const anotherRole = namesAnotherRole(question);
  // What a text holds of the question: its terms, "AI" counting for "artificial intelligence" and back, "concerns" for "worries".
  const held = (text: string, textTerms: string[] = terms(text)) => {
    const found = new Set([...textTerms, ...viaAcronyms(text)]);
    for (const t of viaSynonyms(found)) found.add(t);
    return found;
  };
  const passageTerms = passages.map(({ chunk }) => held(`${chunk.text} ${chunk.headingPath.join(" ")}`));
  const retrievedCoverage = coverageOf(new Set(passageTerms.flatMap((set) => [...set])));

  const candidates = passages.flatMap(({ n, chunk, score }, p) =>
    chunkSentences(chunk).map((sentence, position) => {
      const sentenceTermList = terms(sentence.text);
      const sentenceTerms = new Set(sentenceTermList);
      const heldTerms = held(sentence.answers ? `${sentence.text} ${sentence.answers}` : sentence.text, sentence.answers ? undefined : sentenceTermList);
      return {
        n,
        source: chunk.source,
        ...sentence,
        position,
        passageScore: score,
        coverage: coverageOf(heldTerms),
        contextCoverage: coverageOf(new Set([...heldTerms, ...passageTerms[p]!])),
        retrievedCoverage,
        typed: type !== "any",
        typeMatch: holdsAnswerType(sentence.text, type, questionWords) && !anotherRole(sentence.text),
        novelty: sentenceTerms.size ? [...sentenceTerms].filter((t) => !questionTerms.has(t)).length / sentenceTerms.size : 0,
        focus: focusTerm === undefined ? 0 : holdsTerm(heldTerms, focusTerm) ? 1 : holdsTerm(passageTerms[p]!, focusTerm) ? 0.5 : 0,
        phraseMatch: phraseMatch(questionPairs, sentenceTermList),
      };
    }),
  );
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
    passageScore: s.passageScore,
    // Reciprocal: the gap between the first and second passage matters more than between the fourth and fifth.
    passageRank: 1 / s.n,
    // A passage's first sentence often says what the rest is about, and a long sentence has room for more than the question.
    openingSentence: s.position === 0 ? 1 : 0,
    length: Math.min(1, s.text.length / 300),
  };
}

/**
 * The sentence an answer is built on: the best-ranked one that shares a term with the question. One sharing none is
 * not quoted as its answer, however the ranking placed it, and the decision weighs the sentence that is quoted. When
 * none shares a term there is none: the decision reads the evidence as empty, and the extractive answer shows the
 * best-ranked sentence only as the closest passage (pickSentences).
 */
export function bestSentence(evidence: SentenceEvidence[]): SentenceEvidence | undefined {
  return evidence.find((s) => s.coverage > 0);
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

// Words that frame a question ("what kind of", "besides", "which type") rather than say what it is about.
const FRAMING_WORDS = new Set(
  "besides apart except kind kinds type types sort sorts name names named called exactly specific specifically particular mention mentioned describe described main hold holds".split(" "),
);
// "Besides chairing NEMO, what other…": what the question sets aside is not what the answer must contain.
const EXCLUSION = /\b(?:besides|apart from|aside from|other than|except(?: for)?|in addition to)\b[^,;?]*[,;]/giu;
// Stems this long or longer match their extensions: "direct" ~ "director", "chair" ~ "chairperson".
const MIN_VARIANT_PREFIX = 5;

/**
 * The question's content terms, each with its IDF. Framing words, a leading exclusion clause ("besides X,") and the
 * words naming the kind of answer asked for ("which country", the "long" of "how long") are not content: an answering
 * sentence need not hold them.
 */
function contentTerms(question: string, idf: Idf): Map<string, number> {
  const weights = new Map<string, number>();
  const type = expectedAnswerType(question);
  for (const word of words(withoutDegreeWord(question.replace(EXCLUSION, " ")))) {
    if (FRAMING_WORDS.has(word) || namesAnswerType(word, type)) continue;
    for (const t of terms(word)) weights.set(t, idf(t));
  }
  return weights;
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
