/**
 * @module welcome
 * What the chat's first screen says: how many documents it can answer from,
 * and three example questions a visitor can click. Unless the operator wrote
 * them (WELCOME_TEXT, EXAMPLE_QUESTIONS), they come from the live index: one
 * topic per document in turn, its most specific heading when it has one, else
 * its title, so the examples spread over the collection and are answerable by
 * construction: each names a section that exists, and a question about a
 * section by name is answered by its opening (answer/overview.ts).
 */
import type { IndexSnapshot, LoadedSnapshot } from "../core/types.js";
import { isLoaded } from "../store/loaded-snapshot.js";

export interface Welcome {
  documents: number;
  text: string;
  examples: string[];
}

export interface WelcomeSettings {
  /** Replaces the derived greeting. */
  text?: string;
  /** Replace the derived examples when not empty. */
  examples: readonly string[];
}

const EXAMPLE_COUNT = 3;
// Longer headings make clumsy questions; a topic is a few words.
const MAX_TOPIC_LENGTH = 70;

/** The greeting for `snapshot`, the operator's settings first. */
export function welcomeFor(snapshot: IndexSnapshot, settings: WelcomeSettings): Welcome {
  const documents = snapshot.manifest.documentCount;
  const text = settings.text ?? (documents === 1 ? "Ask about the document, e.g." : `Ask about ${documents.toLocaleString("en")} documents, e.g.`);
  // Deriving examples reads every chunk's headings: only where they are in memory (not on a stateless pgvector replica).
  const examples = settings.examples.length ? [...settings.examples] : isLoaded(snapshot) ? exampleQuestions(snapshot) : [];
  return { documents, text, examples };
}

/** Up to three questions about different documents' headings or titles. */
export function exampleQuestions(snapshot: LoadedSnapshot, count = EXAMPLE_COUNT): string[] {
  const headingsByDocument = new Map<string, { title: string; headings: string[] }>();
  for (const chunk of snapshot.chunks) {
    const entry = headingsByDocument.get(chunk.source) ?? { title: clean(chunk.title), headings: [] };
    headingsByDocument.set(chunk.source, entry);
    const heading = clean(chunk.headingPath.at(-1) ?? "");
    if (heading && heading !== entry.title && !entry.headings.includes(heading)) entry.headings.push(heading);
  }
  // Headings first (more specific), then the title; documents in turn, so three examples cover three documents.
  const lists = [...headingsByDocument.values()].map(({ title, headings }) =>
    [...headings, title].filter((topic) => topic.length <= MAX_TOPIC_LENGTH && /\p{L}/u.test(topic)),
  );
  const seen = new Set<string>();
  const questions: string[] = [];
  for (let round = 0; questions.length < count && lists.some((l) => l.length > round); round++) {
    for (const topics of lists) {
      const topic = topics[round];
      if (!topic || seen.has(topic.toLowerCase())) continue;
      seen.add(topic.toLowerCase());
      questions.push(`What do the documents say about ${topic}?`);
      if (questions.length === count) break;
    }
  }
  return questions;
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
