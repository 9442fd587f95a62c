/**
 * @module overview
 * "What do the documents say about X?" asks for the passage about X, not for a
 * fact. No sentence answers it the way a factoid question is answered, so the
 * confidence model (fitted on factoid questions: NQ-open, SQuAD) scores it low
 * even when a retrieved passage is the very section titled X — and the chat's
 * own example questions (documents/welcome.ts) are written this way. Offline,
 * such a question is answered by quoting the opening of the best-ranked
 * retrieved passage whose document title or heading names every content word of
 * X; when none does, it goes the way of any question.
 */
import { terms } from "../retrieval/tokenize.js";
import type { SentenceEvidence } from "./evidence.js";
import type { Passage } from "./types.js";

// The topic runs to the end of the question; closing question marks and spaces are trimmed by hand (a pattern doing it
// would retry them from every position).
const OVERVIEW = /^\s*(?:what (?:do|does) (?:the |these |your )?documents? (?:say|tell(?: me| us)?) about|tell me about|what is (?:said|written) about)\s+([\p{L}\p{N}].*)$/iu;
// The opening of a section: enough to say what it is about, short enough to read at a glance.
const OPENING_SENTENCES = 2;

/** The topic X of an overview question, or undefined for any other question. */
export function overviewTopic(question: string): string | undefined {
  let topic = OVERVIEW.exec(question)?.[1];
  while (topic !== undefined && /[\s?]$/.test(topic)) topic = topic.slice(0, -1);
  return topic;
}

/** The best-ranked passage whose document title or heading path holds every content term of `topic`. */
export function passageTitled(topic: string, passages: Passage[]): Passage | undefined {
  const wanted = terms(topic);
  if (!wanted.length) return undefined;
  return passages.find(({ chunk }) => {
    const named = new Set(terms([chunk.title, ...chunk.headingPath].join(" ")));
    return wanted.every((t) => named.has(t));
  });
}

/** The sentences that open `passage`, in order, from the evidence (which holds each sentence of each passage once). */
export function openingOf(passage: Passage, evidence: SentenceEvidence[]): SentenceEvidence[] {
  return evidence
    .filter((s) => s.n === passage.n)
    .sort((a, b) => a.position - b.position)
    .slice(0, OPENING_SENTENCES);
}
