/**
 * @module overview
 * Questions that ask what a section, or the documents as a whole, are about:
 *
 * - "What do the documents say about X?" asks for the passage about X, not for
 *   a fact. No sentence answers it the way a factoid question is answered, so
 *   the confidence model (fitted on factoid questions: NQ-open, SQuAD) scores it
 *   low even when a retrieved passage is the very section titled X — and the
 *   chat's own example questions (documents/welcome.ts) are written this way.
 *   Offline, such a question is answered by quoting the opening of the
 *   best-ranked retrieved passage whose document title or heading names every
 *   content word of X; when none does, it goes the way of any question.
 * - "What is this document about?", "Summarise the documents": no search can
 *   serve it (its words — "document", "about" — are in no passage, so it came
 *   back `not_found`); what answers it is where each document begins. Its
 *   passages are the documents' openings (documentPassages), not a search's.
 */
import { withoutClosing } from "../ingest/closing-punctuation.js";
import { SMALL_TALK_SOURCE } from "./pleasantries.js";
import type { Chunk, IndexSnapshot } from "../core/types.js";
import { terms, words } from "../retrieval/tokenize.js";
import { endsWithStop } from "../ingest/closing-punctuation.js";
import { chunkSentences } from "./chunk-sentences.js";
import type { SentenceEvidence } from "./evidence.js";
import type { Passage } from "./types.js";

// The topic runs to the end of the question (closing punctuation trimmed by withoutClosing).
const OVERVIEW = /^\s*(?:what (?:do|does) (?:the |these |your )?documents? (?:say|tell(?: me| us)?) about|tell me about|what is (?:said|written) about)\s+([\p{L}\p{N}].*)$/iu;
// The opening of a section: enough to say what it is about, short enough to read at a glance.
const OPENING_SENTENCES = 2;

// "this document", "these files", "your sources", "the corpus": the documents as a whole.
const THE_DOCUMENTS = String.raw`(?:this|these|the|those|your|my|our|all (?:the|these|your))\s+(?:documents?|docs|files?|texts?|pdfs?|sources?|corpus|collection|material)`;
const ABOUT_THE_DOCUMENTS = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`what(?:'s|’s|\s+is|\s+are)\s+${THE_DOCUMENTS}\s+(?:about|on)`,
      String.raw`what(?:'s|’s|\s+is)\s+in\s+${THE_DOCUMENTS}`,
      String.raw`what(?:\s+topics|\s+subjects)?\s+(?:do|does)\s+${THE_DOCUMENTS}\s+(?:say|cover|contain|discuss|talk about|deal with)`,
      String.raw`(?:(?:can|could) you\s+|please\s+)?(?:summari[sz]e|sum up|describe|give (?:me |us )?(?:a |an )?(?:summary|overview) of|tell (?:me|us) about)\s+${THE_DOCUMENTS}`,
      String.raw`what can (?:i|we) ask(?: you)?(?: about)?`,
      // Asked what it can do, for help, greeted or thanked, it says what it can answer from.
      String.raw`what can you do(?: for me)?`,
      String.raw`help(?: me)?`,
      SMALL_TALK_SOURCE,
      // Said with nothing before it (a follow-up is made standalone first, so "what is it about?" there names its topic).
      String.raw`what(?:'s|’s|\s+is)\s+(?:this|it)\s+(?:all\s+)?about`,
      String.raw`(?:give (?:me |us )?)?(?:a |an )?(?:short |brief |quick )?(?:summary|overview)`,
      String.raw`(?:(?:can|could) you\s+|please\s+)?(?:summari[sz]e|sum up)(?:\s+(?:it|this|everything))?`,
    ].join("|") +
    String.raw`)(?:,?\s+please)?$`,
  "iu",
);
// A document's first chunks may be its title and headings alone (a Markdown file's "# Title" is a section of its own):
// the first holding a sentence is its opening. Past the openings, the passages go on with what follows them.
const LEADING_CHUNKS_PAST_K = 3;

/** Whether the question asks what the documents as a whole are about ("What is this document about?"), or is small talk (pleasantries.ts). */
export function asksAboutDocuments(question: string): boolean {
  return ABOUT_THE_DOCUMENTS.test(withoutClosing(question.trimStart()));
}

/**
 * The passages of a question about the documents as a whole, at most `limit`: the opening (first passage holding a
 * sentence) of each of the first `limit` documents by source, then, while there is room, the passages that follow
 * them — so that a chat model asked to summarise one document reads more than its first lines.
 */
export async function documentPassages(snapshot: IndexSnapshot, limit: number): Promise<Passage[]> {
  const leading = (await snapshot.leadingChunks(limit, limit + LEADING_CHUNKS_PAST_K)).filter((chunk) => chunkSentences(chunk).some((s) => isProse(s.text)));
  const openings = new Map<string, Chunk>();
  for (const chunk of leading) if (!openings.has(chunk.source)) openings.set(chunk.source, chunk);
  const chosen = [...openings.values(), ...leading.filter((chunk) => openings.get(chunk.source) !== chunk)].slice(0, limit);
  // Chosen, not ranked: each is a passage the question asks for.
  return chosen.map((chunk, i) => ({ n: i + 1, chunk, score: 1 }));
}

/** The first passage of each document among `passages`: its opening, when they come from documentPassages. */
export function openingPassages(passages: Passage[]): Passage[] {
  const first = new Map<string, Passage>();
  for (const passage of passages) if (!first.has(passage.chunk.source)) first.set(passage.chunk.source, passage);
  return [...first.values()];
}

/** The topic X of an overview question, or undefined for any other question. */
export function overviewTopic(question: string): string | undefined {
  const topic = OVERVIEW.exec(question)?.[1];
  return topic === undefined ? undefined : withoutClosing(topic);
}

/** For "What do the documents say about X?", the best-ranked passage holding a sentence that is titled X; else undefined. */
export function sectionAsked(question: string, passages: Passage[], evidence: SentenceEvidence[]): Passage[] | undefined {
  const topic = overviewTopic(question);
  const section = topic === undefined ? undefined : passageTitled(topic, passages.filter((p) => evidence.some((s) => s.n === p.n && isProse(s.text))));
  return section && [section];
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

/** The prose sentences that open `passage`, in order, from the evidence (which holds each sentence of each passage once). */
export function openingOf(passage: Passage, evidence: SentenceEvidence[], sentences = OPENING_SENTENCES): SentenceEvidence[] {
  return evidence
    .filter((s) => s.n === passage.n && isProse(s.text))
    .sort((a, b) => a.position - b.position)
    .slice(0, sentences);
}

// Words a sentence of prose has at least.
const PROSE_WORDS = 3;

/**
 * A sentence of prose: a few words, ending as a sentence ends. A web page's menu not marked as navigation ("Home Visit
 * Contact us"), a caption or a list item without a stop comes first in its document but is not what the document says
 * it is about.
 */
function isProse(text: string): boolean {
  return endsWithStop(text) && words(text).length >= PROSE_WORDS;
}
