/**
 * @module verify-citations
 * Checks each sentence of a generated answer against the passages it cites.
 * A citation stays only when its passage contains most of the sentence's
 * content terms (stemmed, stop words dropped — the retrieval tokenizer). A
 * sentence whose citations all fail is re-cited to the passage that does
 * support it, if one does; otherwise it is reported as unsupported and left
 * out of the answer: a model talked into adding a claim of its own ("visit
 * … and enter your password") must not have it shown. Citations of passages
 * that were never supplied are removed, and so is any link that appears in
 * no supplied passage.
 */
import { sentenceSpans, type Span } from "../ingest/sentences.js";
import { citationPoint } from "../ingest/closing-punctuation.js";
import { terms } from "../retrieval/tokenize.js";
import type { Passage } from "./types.js";

/** Share of a sentence's content terms that the cited passage must contain. */
export const MIN_SUPPORT = 0.5;
/**
 * A citation also goes when another supplied passage holds clearly more of the
 * sentence (by this share): the cited one then only shares the topic, the
 * other states it. Both values were chosen with `npx tsx scripts/eval-citations.ts`
 * (docs/citation-verification.md).
 */
export const CLEARLY_BETTER_BY = 0.25;
// "Yes [1]." carries too few terms to check either way; only its citation range is.
const MIN_CHECKABLE_TERMS = 2;
const MARKER = /\s*\[(\d+)\]/g;
const LEADING_MARKERS = /^(?:\s*\[\d+\])+/;

export interface VerifiedAnswer {
  /** The supported sentences; empty when none is. */
  answer: string;
  /** Sentences no passage supports (without citation), left out of `answer`. */
  unsupported: string[];
}

// A web address as models write them; the characters after it that end a sentence or a bracket are not part of it.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'`()[\]{}]+/giu;
const LINK_TAIL = /[.,;:!?]+$/u;
export const LINK_REMOVED = "[link removed]";

export interface VerifyOptions {
  minSupport?: number;
  clearlyBetterBy?: number;
}

export function verifyCitations(answer: string, passages: Passage[], options: VerifyOptions = {}): VerifiedAnswer {
  const thresholds = { minSupport: options.minSupport ?? MIN_SUPPORT, clearlyBetterBy: options.clearlyBetterBy ?? CLEARLY_BETTER_BY };
  const passageTerms = new Map(passages.map((p) => [p.n, new Set(terms(`${p.chunk.title} ${p.chunk.headingPath.join(" ")} ${p.tableHeader?.join(" ") ?? ""} ${p.chunk.text}`))]));
  const unsupported: string[] = [];
  let verified = "";
  let last = 0;
  for (const span of answerSentences(answer)) {
    const checked = checkSentence(answer.slice(span.start, span.end), passageTerms, thresholds);
    const between = answer.slice(last, span.start);
    if (checked.supported) verified += between + checked.text;
    else {
      unsupported.push(checked.text);
      // The line break before a dropped list item goes with it; a space is kept so neighbours do not run together.
      verified += between.includes("\n") && !verified.endsWith("\n") ? between : /\s$/.test(verified) ? "" : " ";
    }
    last = span.end;
  }
  const kept = (verified + answer.slice(last)).replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  return { answer: withoutUnknownLinks(kept, passages), unsupported };
}

/** Each link that no supplied passage contains becomes LINK_REMOVED: an answer may only point where the documents do. */
export function withoutUnknownLinks(answer: string, passages: Passage[]): string {
  return answer.replace(LINK, (match) => {
    const link = match.replace(LINK_TAIL, "");
    const known = passages.some((p) => p.chunk.text.includes(link));
    return known ? match : LINK_REMOVED + match.slice(link.length);
  });
}

/** Share of `claim` found in `passage`, 0..1. */
export function supportScore(claim: Set<string>, passage: Set<string>): number {
  if (!claim.size) return 0;
  let found = 0;
  for (const term of claim) if (passage.has(term)) found++;
  return found / claim.size;
}

/**
 * Sentence spans of an answer. A model often writes the citation after the
 * full stop ("… in Hangzhou. [1] The …"); such markers belong to the sentence
 * before them, not to the next one.
 */
export function answerSentences(answer: string): Span[] {
  const spans: Span[] = [];
  // An answer's line breaks are meant: a quoted line that does not end as a sentence ends has a line of its own.
  for (const span of sentenceSpans(answer, 0, answer.length, { wrappedLines: false })) {
    const leading = LEADING_MARKERS.exec(answer.slice(span.start, span.end));
    const previous = spans.at(-1);
    if (leading && previous) {
      previous.end = span.start + leading[0].length;
      const rest = { start: previous.end, end: span.end };
      while (rest.start < rest.end && /\s/.test(answer[rest.start]!)) rest.start++;
      if (rest.start < rest.end) spans.push(rest);
    } else spans.push({ ...span });
  }
  return spans;
}

function checkSentence(
  sentence: string,
  passageTerms: Map<number, Set<string>>,
  { minSupport, clearlyBetterBy }: Required<VerifyOptions>,
): { text: string; supported: boolean } {
  const claim = new Set(terms(sentence.replace(MARKER, " ")));
  const support = (n: number) => supportScore(claim, passageTerms.get(n) ?? new Set());
  if (claim.size < MIN_CHECKABLE_TERMS) return { text: keepMarkers(sentence, (n) => passageTerms.has(n)), supported: true };

  const best = [...passageTerms.keys()].reduce<number | undefined>((a, n) => (a === undefined || support(n) > support(a) ? n : a), undefined);
  const bestSupport = best === undefined ? 0 : support(best);
  const holds = (n: number) => support(n) >= minSupport && support(n) >= bestSupport - clearlyBetterBy;
  const cited = [...sentence.matchAll(MARKER)].map((m) => Number(m[1]));
  if (cited.some(holds)) return { text: keepMarkers(sentence, holds), supported: true };

  // No cited passage holds the sentence: cite the one that does, if any, rather than point at the wrong one.
  const bare = keepMarkers(sentence, () => false);
  if (best !== undefined && bestSupport >= minSupport) return { text: withCitation(bare, best), supported: true };
  return { text: bare, supported: false };
}

function keepMarkers(sentence: string, keep: (n: number) => boolean): string {
  return sentence.replace(MARKER, (marker, digits: string) => (keep(Number(digits)) ? marker : "")).trim();
}

/** The sentence cited to passage `n`, the marker before its closing punctuation: "… in Hangzhou [1]." (citationPoint). */
export function withCitation(sentence: string, n: number): string {
  const at = citationPoint(sentence);
  return `${sentence.slice(0, at)} [${n}]${sentence.slice(at)}`;
}
